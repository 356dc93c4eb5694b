/**
 * The one manifest.json both browser builds come from: it asks only for what the product uses, forbids
 * network access from extension pages, and every __MSG_ key it names exists in the English locale.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const messages = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/static/_locales/en/messages.json'), 'utf8'));

/** Each permission and the source that needs it; a permission nobody uses fails the test. */
const PERMISSION_USERS: Array<[string, string, RegExp]> = [
  ['storage', 'src/background/background.ts', /chooseArea\(api\.storage\)/],
  ['activeTab', 'src/background/on-demand.ts', /executeScript/],
  ['scripting', 'src/background/on-demand.ts', /scripting\.executeScript/],
  // The desk: thousands of reviewed quotes outgrow storage.local's default 10 MB (bench:desk: 737 bytes each).
  ['unlimitedStorage', 'src/background/background.ts', /createDeskStore\(api\.storage\.local/],
  ['contextMenus', 'src/background/background.ts', /contextMenus\?\.create\(\{ id: OPEN_DESK_MENU/],
];

describe('manifest.json', () => {
  test('asks for exactly the permissions the code uses, and no host permissions', () => {
    expect([...manifest.permissions].sort()).toEqual(PERMISSION_USERS.map(([name]) => name).sort());
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
  });

  test.each(PERMISSION_USERS)('%s is used by %s', (_permission, file, use) => {
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toMatch(use);
  });

  const forbiddenPermissions = ['tabs', 'webRequest', 'webNavigation', '<all_urls>', 'history', 'cookies', 'notifications'];
  test.each(forbiddenPermissions)('does not ask for %s', (permission) => {
    expect(manifest.permissions).not.toContain(permission);
  });

  test('extension pages may not open network connections', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
  });

  test('content scripts load the overlay before the content script, on web pages only', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].js).toEqual(['overlay.js', 'content.js']);
    expect(manifest.content_scripts[0].css).toEqual(['highlights.css']);
    expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
  });

  test('has a toggle-panel command with a suggested shortcut', () => {
    expect(manifest.commands['toggle-panel'].suggested_key.default).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z]$/);
  });

  test('every __MSG_ key is in _locales/en/messages.json', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) expect(messages[key]?.message).toEqual(expect.any(String));
  });

  test('names icons that exist at every size', () => {
    for (const size of ['16', '32', '48', '128']) {
      const file = manifest.icons[size].replace(/^icons\//, 'src/static/icons/');
      const png = fs.readFileSync(path.join(ROOT, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size));
    }
  });

  // Issue 21: notes are typed in note.html, framed in the panel on http(s) pages. Nothing else is reachable from
  // pages, and in Chrome only through a per-session address, so a page cannot tell WhoSaid is installed by it.
  test('makes only note.html web-accessible, to http(s) pages, through a dynamic URL', () => {
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['note.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
  });

  test('carries the Firefox gecko id and minimum version for the Firefox build', () => {
    expect(manifest.browser_specific_settings.gecko).toEqual(
      expect.objectContaining({ id: expect.stringContaining('@'), strict_min_version: expect.stringMatching(/^\d+\.\d/) }),
    );
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
  });
});
