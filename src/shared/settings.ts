/** User settings, kept in storage.sync. */
export interface Settings {
  /** Run by itself on pages that look like articles. */
  autoRun: boolean;
  /** When non-empty, auto-run only on these hostnames (and their subdomains). */
  allowedSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { autoRun: true, allowedSites: [] };

export function normaliseSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Settings>;
  return {
    autoRun: typeof value.autoRun === 'boolean' ? value.autoRun : DEFAULT_SETTINGS.autoRun,
    allowedSites: Array.isArray(value.allowedSites)
      ? value.allowedSites.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim().toLowerCase())
      : [],
  };
}

/** Whether auto-run applies to this hostname under these settings. */
export function autoRunAllowed(settings: Settings, hostname: string): boolean {
  if (!settings.autoRun) return false;
  if (settings.allowedSites.length === 0) return true;
  const host = hostname.toLowerCase();
  return settings.allowedSites.some((site) => host === site || host.endsWith('.' + site));
}
