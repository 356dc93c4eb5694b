/**
 * The built extension folders (npm test builds first): both manifests come from manifest.json with
 * the right background form, every file they name exists, the content script stays small, and no
 * bundle carries a network or code-from-string API.
 */
import * as fs from 'fs';
import * as path from 'path';
import { staticHighlightCss } from '../src/content/highlight-rules';

const ROOT = path.resolve(__dirname, '..');
const CHROME = path.join(ROOT, 'extension');
const FIREFOX = path.join(ROOT, 'extension-firefox');
const built = fs.existsSync(path.join(CHROME, 'manifest.json')) && fs.existsSync(path.join(FIREFOX, 'manifest.json'));

if (!built && process.env.CI === 'true') throw new Error('CI=true but extension/ is not built: run npm run build first');
if (!built) console.warn('SKIPPED: extension/ and extension-firefox/ are not built (npm run build); build output tests skipped.');
const describeBuilt = built ? describe : describe.skip;

const read = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

/** Every file a manifest points at. */
function referencedFiles(manifest: Record<string, any>): string[] {
  return [
    ...Object.values(manifest.icons as Record<string, string>),
    ...Object.values(manifest.action.default_icon as Record<string, string>),
    ...manifest.content_scripts.flatMap((script: { js: string[]; css?: string[] }) => [...script.js, ...(script.css ?? [])]),
    manifest.options_ui.page,
    ...(manifest.background.service_worker ? [manifest.background.service_worker] : manifest.background.scripts),
    `_locales/${manifest.default_locale}/messages.json`,
  ];
}

describeBuilt('build output', () => {
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));

  test('Chrome: a service worker, no Firefox-only keys, otherwise the source manifest', () => {
    const chrome = read(CHROME);
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    const { browser_specific_settings: _dropped, ...rest } = source;
    expect(chrome).toEqual(rest);
  });

  test('Firefox: background.scripts, the gecko id and minimum version, no Chrome-only keys', () => {
    const firefox = read(FIREFOX);
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko).toEqual(source.browser_specific_settings.gecko);
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.permissions).toEqual(source.permissions);
    expect(firefox.content_security_policy).toEqual(source.content_security_policy);
  });

  test.each([CHROME, FIREFOX])('every file the manifest names exists in %s', (dir) => {
    const missing = referencedFiles(read(dir)).filter((file) => !fs.existsSync(path.join(dir, file)));
    expect(missing).toEqual([]);
  });

  test.each([CHROME, FIREFOX])('%s/highlights.css holds the rules src/content/highlight-rules.ts writes, injected with the content script', (dir) => {
    expect(read(dir).content_scripts[0].css).toEqual(['highlights.css']);
    expect(fs.readFileSync(path.join(dir, 'highlights.css'), 'utf8')).toBe(staticHighlightCss());
  });

  test('the content script is at most 60 KB', () => {
    expect(fs.statSync(path.join(CHROME, 'content.js')).size).toBeLessThanOrEqual(60 * 1024);
  });

  const bundles = ['background.js', 'content.js', 'overlay.js', 'options.js'];
  const forbidden: Array<[string, RegExp]> = [
    ['fetch', /\bfetch\(/],
    ['XMLHttpRequest', /XMLHttpRequest/],
    ['WebSocket', /WebSocket/],
    ['sendBeacon', /sendBeacon/],
    ['EventSource', /EventSource/],
    ['eval', /(^|[^.\w])eval\(/],
    ['new Function', /new Function\(/],
    ['innerHTML assignment', /\.innerHTML\s*=[^=]/],
  ];
  test.each(bundles.flatMap((bundle) => forbidden.map(([name, pattern]) => [bundle, name, pattern] as const)))(
    '%s uses no %s',
    (bundle, _name, pattern) => {
      expect(fs.readFileSync(path.join(CHROME, bundle), 'utf8')).not.toMatch(pattern);
    },
  );

  test('the forbidden-API patterns catch what they name', () => {
    const samples: Record<string, string> = {
      fetch: 'x=fetch("u")',
      XMLHttpRequest: 'new XMLHttpRequest',
      WebSocket: 'new WebSocket(u)',
      sendBeacon: 'navigator.sendBeacon(u)',
      EventSource: 'new EventSource(u)',
      eval: ';eval(s)',
      'new Function': 'new Function("return 1")',
      'innerHTML assignment': 'e.innerHTML=s',
    };
    for (const [name, pattern] of forbidden) expect(samples[name]).toMatch(pattern);
    expect('a.evaluate(x); e.innerHTML==s').not.toMatch(forbidden.find(([name]) => name === 'eval')![1]);
  });

  test('the Firefox folder holds the same bundles as the Chrome folder', () => {
    for (const bundle of bundles) {
      expect(fs.readFileSync(path.join(FIREFOX, bundle)).equals(fs.readFileSync(path.join(CHROME, bundle)))).toBe(true);
    }
  });
});
