/**
 * What CSS custom highlights cost a page that keeps changing, in Debian Chromium with no extension: a page
 * of 1,000 quoted paragraphs and a ticker rewriting one line of text, highlights registered by the page
 * itself, main-thread busy time (CDP Performance.getMetrics TaskDuration) over 5 s. The figures quoted in
 * src/content/churn.ts and view-window.ts come from here.
 *
 * Usage: node scripts/probe-highlight-cost.cjs VARIANT[:PARAGRAPHS[:OPTIONS]] …   (3 rounds, variants alternated)
 *   VARIANT   none | tint (content tint only) | roles (tint + source + cue, backgrounds only)
 *             | underlined (as WhoSaid paints: tints, a solid and a wavy underline) | offscreen (roles, paragraphs 900 on)
 *   OPTIONS   io=1 (an IntersectionObserver on every paragraph), mo=1 (a MutationObserver on the document),
 *             hz=10 (the ticker at 10 Hz instead of every frame); joined with &
 * e.g. node scripts/probe-highlight-cost.cjs none:0 tint:15 underlined:30 underlined:30:hz=10 none:0:io=1
 */
const http = require('node:http');
const { chromium } = require('playwright-core');
const { findChromium } = require('./lib/browser.cjs');

const NAMES = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Peter Olsen'];
const STYLES = {
  none: '',
  tint: '::highlight(c){background-color:rgb(200 100 0/0.2)}',
  roles: '::highlight(c){background-color:rgb(200 100 0/0.2)} ::highlight(s){background-color:rgb(200 100 0/0.3)} ::highlight(q){background-color:rgb(0 100 0/0.3)}',
  underlined:
    '::highlight(c){background-color:rgb(200 100 0/0.2)} ::highlight(s){background-color:rgb(200 100 0/0.3);text-decoration:underline solid #333;text-decoration-thickness:2px} ::highlight(q){text-decoration:underline wavy #333;text-decoration-thickness:1.5px}',
};
STYLES.offscreen = STYLES.roles;

function page(variant, count, options) {
  const paragraphs = [];
  for (let k = 0; k < 1000; k++) {
    paragraphs.push(`<p>“The council will vote on plan number ${k} next week, and we expect it to pass,” ${NAMES[k % 4]} said on Tuesday.</p>`);
  }
  return `<!doctype html><html><head><style>${STYLES[variant] ?? ''}</style></head><body><p id="ticker">Markets</p><article>${paragraphs.join('\n')}</article>
<script>
const variant = ${JSON.stringify(variant)}, count = ${count}, options = new URLSearchParams(${JSON.stringify(options)});
if (variant !== 'none') {
  const all = [...document.querySelectorAll('article p')];
  const chosen = variant === 'offscreen' ? all.slice(900, 900 + count) : all.slice(0, count);
  const content = new Highlight(), source = new Highlight(), cue = new Highlight();
  for (const p of chosen) {
    const text = p.firstChild, words = text.data, close = words.indexOf('”') + 1, said = words.indexOf(' said');
    content.add(new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: close }));
    source.add(new StaticRange({ startContainer: text, startOffset: close + 2, endContainer: text, endOffset: said }));
    cue.add(new StaticRange({ startContainer: text, startOffset: said + 1, endContainer: text, endOffset: said + 5 }));
  }
  CSS.highlights.set('c', content);
  if (variant !== 'tint') { CSS.highlights.set('s', source); CSS.highlights.set('q', cue); }
}
if (options.get('io') === '1') {
  const watch = new IntersectionObserver(() => {}, { rootMargin: '25% 0px' });
  for (const p of document.querySelectorAll('article p')) watch.observe(p);
}
if (options.get('mo') === '1') new MutationObserver(() => {}).observe(document.documentElement, { childList: true, characterData: true, attributes: true, subtree: true });
let n = 0; const clock = document.getElementById('ticker');
if (options.get('hz') === '10') setInterval(() => { clock.textContent = 'Markets ' + (n++); }, 100);
else (function frame() { clock.textContent = 'Markets ' + (n++); requestAnimationFrame(frame); })();
</script></body></html>`;
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const variants = process.argv.slice(2);
  if (variants.length === 0) throw new Error('usage: node scripts/probe-highlight-cost.cjs VARIANT[:PARAGRAPHS[:OPTIONS]] …');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(url.searchParams.get('variant'), Number(url.searchParams.get('count')) || 0, url.searchParams.get('options') || ''));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const results = new Map(variants.map((variant) => [variant, []]));
  try {
    for (let round = 0; round < 3; round++) {
      for (const variant of variants) {
        const [name, count = '0', options = ''] = variant.split(':');
        const tab = await browser.newPage();
        await tab.goto(`${origin}/?variant=${name}&count=${count}&options=${encodeURIComponent(options)}`);
        await tab.waitForTimeout(1000);
        const session = await tab.context().newCDPSession(tab);
        await session.send('Performance.enable');
        const busy = async () => (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
        const before = await busy();
        await tab.waitForTimeout(5000);
        results.get(variant).push((await busy()) - before);
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const [variant, values] of results) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${variant.padEnd(28)} main thread busy in 5 s: median ${Math.round(sorted[1] * 1000)} ms (${sorted.map((v) => Math.round(v * 1000)).join(', ')})`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
