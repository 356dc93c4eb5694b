/**
 * Options page: auto-run on or off, and the sites auto-run is limited to. Settings live in
 * storage.sync as the flat keys of Settings, so the content script reads them with get(DEFAULT_SETTINGS).
 */
import { browser } from '../shared/browser';
import { DEFAULT_SETTINGS, normaliseSettings } from '../shared/settings';
import { formatSites, settingsFromForm } from './form';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`options.html has no #${id}`);
  return found as T;
}

function localise(): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = browser.i18n.getMessage(node.dataset.i18n ?? '');
    if (text) node.textContent = text;
  }
  document.title = browser.i18n.getMessage('optionsTitle') || document.title;
}

/** The toggle-panel shortcut as the browser has it now (the user may have changed or removed it). */
async function showShortcut(): Promise<void> {
  const note = document.querySelector<HTMLElement>('[data-i18n="optionsShortcut"]');
  if (!note || !browser.commands?.getAll) return;
  const command = (await browser.commands.getAll()).find((c) => c.name === 'toggle-panel');
  const shortcut = command?.shortcut || browser.i18n.getMessage('optionsShortcutUnset') || 'not set';
  note.textContent = browser.i18n.getMessage('optionsShortcut', shortcut);
}

async function start(): Promise<void> {
  localise();
  void showShortcut().catch(() => undefined);
  const form = element<HTMLFormElement>('settings');
  const autoRun = element<HTMLInputElement>('auto-run');
  const sites = element<HTMLTextAreaElement>('allowed-sites');
  const status = element<HTMLOutputElement>('status');

  const settings = normaliseSettings(await browser.storage.sync.get({ ...DEFAULT_SETTINGS }));
  autoRun.checked = settings.autoRun;
  sites.value = formatSites(settings.allowedSites);
  sites.disabled = !autoRun.checked;
  autoRun.addEventListener('change', () => {
    sites.disabled = !autoRun.checked;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = settingsFromForm(autoRun.checked, sites.value);
    browser.storage.sync.set({ ...next }).then(
      () => {
        sites.value = formatSites(next.allowedSites);
        status.removeAttribute('data-error');
        status.textContent = browser.i18n.getMessage('optionsSaved') || 'Saved.';
      },
      (error: unknown) => {
        status.setAttribute('data-error', '');
        status.textContent = browser.i18n.getMessage('optionsSaveFailed', String(error)) || `Could not save: ${error}`;
      },
    );
  });
}

start().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) {
    status.setAttribute('data-error', '');
    status.textContent = String(error);
  }
});
