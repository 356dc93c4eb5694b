/** Between the options form's fields and Settings: one site a line in, a clean list out. */
import { normaliseSettings, type Settings } from '../shared/settings';

/** Turns what the user typed ("https://www.Example.com/news", "*.bbc.co.uk") into bare hostnames. */
export function parseSites(typed: string): string[] {
  const sites = typed
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => entry.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/^\*\./, '').replace(/^\.+|\.+$/g, ''))
    .filter((host) => /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host));
  return [...new Set(sites)];
}

export function formatSites(sites: string[]): string {
  return sites.join('\n');
}

export function settingsFromForm(autoRun: boolean, sitesText: string): Settings {
  return normaliseSettings({ autoRun, allowedSites: parseSites(sitesText) });
}
