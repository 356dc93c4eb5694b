/** The desk page's entry (desk.html): the desk store on storage.local, rendered with Preact. */
import { render } from 'preact';
import { browser } from '../shared/browser';
import { createDeskStore, DESK_KEY_PREFIX, INDEX_KEY } from '../shared/desk/store';
import { storeBackend } from './backend';
import { Desk, type DeskBackend } from './Desk';

const store = createDeskStore(browser.storage.local);

function save(text: string, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const backend: DeskBackend = storeBackend(store, {
  version: browser.runtime.getManifest().version,
  save,
  onChange(callback) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      // The index alone changes when a load mends it: nothing to show again (reading it all again costs most of a second).
      if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(DESK_KEY_PREFIX) && key !== INDEX_KEY)) callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
});

const container = document.getElementById('desk')!;
// The "Loading…" placeholder goes: Preact renders into an empty container.
container.textContent = '';
render(<Desk backend={backend} />, container);
