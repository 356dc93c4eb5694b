/**
 * Issue 21: what of the page's top layer paints over the panel (top-layer.ts), decided on a linkedom document
 * with a stand-in layout: each element's box and computed style come from data-* attributes, top-layer
 * membership from data-open (linkedom has no :popover-open), shadow roots from a map (as if closed).
 */
import { parseDocument } from '../helpers/linkedom';
import { topLayerCover, topLayerElements, type Box, type Layout } from '../../src/overlay/top-layer';

const PANEL: Box = { left: 800, top: 100, right: 1200, bottom: 700 };
const VIEWPORT: Box = { left: 0, top: 0, right: 1280, bottom: 900 };

/** Box "l,t,r,b" in data-box; styles as data-style "prop:value;…"; ::backdrop and ::before styles as data-backdrop / data-before. */
function layoutFor(shadows: Map<Element, ShadowRoot> = new Map()): Layout {
  const parse = (text: string | null) => Object.fromEntries((text ?? '').split(';').filter(Boolean).map((pair) => pair.split(':').map((part) => part.trim())).map(([name, value]) => [name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()), value]));
  return {
    style: (element, pseudo) => {
      if (pseudo === '::backdrop') return { backgroundColor: 'rgba(0, 0, 0, 0)', ...parse(element.getAttribute('data-backdrop')) } as unknown as CSSStyleDeclaration;
      if (pseudo) return { content: 'none', ...(pseudo === '::before' ? parse(element.getAttribute('data-before')) : {}) } as unknown as CSSStyleDeclaration;
      return { display: 'block', visibility: 'visible', opacity: '1', backgroundColor: 'rgba(0, 0, 0, 0)', backgroundImage: 'none', boxShadow: 'none', filter: 'none', outlineStyle: 'none', ...parse(element.getAttribute('data-style')) } as unknown as CSSStyleDeclaration;
    },
    rect: (element) => {
      const [left, top, right, bottom] = (element.getAttribute('data-box') ?? '0,0,0,0').split(',').map(Number);
      return { left, top, right, bottom };
    },
    textRect: (text) => {
      const [left, top, right, bottom] = (text.parentElement?.getAttribute('data-text-box') ?? '0,0,0,0').split(',').map(Number);
      return { left, top, right, bottom };
    },
    shadowOf: (element) => shadows.get(element) ?? null,
    viewport: () => VIEWPORT,
    query: (root, selector) => (selector === ':popover-open' ? Array.from(root.querySelectorAll('[data-open]')) : []),
  };
}

function page(body: string) {
  const doc = parseDocument(`<!doctype html><html><head></head><body>${body}</body><whosaid-overlay data-open data-box="800,100,1200,700" data-style="background-color:rgb(255, 255, 255)"></whosaid-overlay></html>`);
  return { doc, host: doc.querySelector('whosaid-overlay')! };
}

const WHITE = 'background-color:rgb(255, 255, 255)';

test('an opaque popover over the panel is a cover; one away from it, or with nothing painted, is not', () => {
  const over = page(`<div id="c" data-open data-box="0,0,1280,900" data-style="${WHITE}"></div>`);
  expect(topLayerCover(over.doc, over.host, PANEL, layoutFor())?.id).toBe('c');
  const away = page(`<div data-open data-box="0,800,200,900" data-style="${WHITE}"></div>`);
  expect(topLayerCover(away.doc, away.host, PANEL, layoutFor())).toBeNull();
  // A transparent full-viewport holder with a toast in a corner: only the toast paints.
  const toast = page(`<div data-open data-box="0,0,1280,900"><div data-box="16,840,216,884" data-style="${WHITE}"></div></div>`);
  expect(topLayerCover(toast.doc, toast.host, PANEL, layoutFor())).toBeNull();
});

test('the overlay itself is never a cover, nor a top-layer element that holds it', () => {
  const { doc, host } = page('');
  expect(topLayerElements(doc, host, layoutFor())).toEqual([]);
  expect(topLayerCover(doc, host, PANEL, layoutFor())).toBeNull();
});

test('what is not drawn is not a cover: display none, opacity 0, visibility hidden, a zero-size box', () => {
  for (const style of ['display:none', 'opacity:0', 'visibility:hidden']) {
    const { doc, host } = page(`<div data-open data-box="0,0,1280,900" data-style="${WHITE};${style}"></div>`);
    expect(topLayerCover(doc, host, PANEL, layoutFor())).toBeNull();
  }
  const empty = page(`<div data-open data-box="900,300,900,300" data-style="${WHITE}"></div>`);
  expect(topLayerCover(empty.doc, empty.host, PANEL, layoutFor())).toBeNull();
});

test('a tiny popover still covers through what it draws: a painted ::backdrop, a fixed child, its text, a shadow, a ::before', () => {
  const tiny = 'data-open data-box="0,0,1,1"';
  const cases = [
    `<div ${tiny} data-backdrop="background-color:rgb(255, 255, 255)"></div>`,
    `<div ${tiny}><div data-box="0,0,1280,900" data-style="${WHITE}"></div></div>`,
    `<div ${tiny} data-text-box="0,0,1280,900">Nothing to see here.</div>`,
    `<div ${tiny} data-style="box-shadow:0 0 0 4000px white;${WHITE}"></div>`,
    `<div ${tiny} data-before="content:&quot;&quot;"></div>`,
    // visibility: hidden on the popover, visible on a child that fills the viewport.
    `<div ${tiny} data-style="visibility:hidden"><div data-box="0,0,1280,900" data-style="${WHITE};visibility:visible"></div></div>`,
  ];
  for (const body of cases) {
    const { doc, host } = page(body);
    expect([body, topLayerCover(doc, host, PANEL, layoutFor())]).toEqual([body, expect.anything()]);
  }
});

test('popovers inside shadow roots, closed ones included, are found and judged', () => {
  const { doc, host } = page('<div id="outer"></div>');
  const outer = doc.getElementById('outer')!;
  // Stand-ins for shadow roots: fragments holding the shadow trees (linkedom's roots are not needed here).
  const outerRoot = doc.createDocumentFragment() as unknown as ShadowRoot;
  const inner = doc.createElement('div');
  outerRoot.appendChild(inner);
  const innerRoot = doc.createDocumentFragment() as unknown as ShadowRoot;
  const veil = doc.createElement('div');
  veil.setAttribute('data-open', '');
  veil.setAttribute('data-box', '0,0,1280,900');
  veil.setAttribute('data-style', WHITE);
  innerRoot.appendChild(veil);
  const shadows = new Map<Element, ShadowRoot>([[outer, outerRoot], [inner, innerRoot]]);
  expect(topLayerElements(doc, host, layoutFor(shadows))).toEqual([veil]);
  expect(topLayerCover(doc, host, PANEL, layoutFor(shadows))).toBe(veil);
  // Out of reach (no way to open the closed roots): not seen.
  expect(topLayerCover(doc, host, PANEL, layoutFor())).toBeNull();
});

describe('outside the top layer: a positioned element as high as the host, after it in tree order', () => {
  const HOST_STYLE = `position:fixed;z-index:2147483647;${WHITE}`;
  function pageAfter(after: string, before = '') {
    const doc = parseDocument(`<!doctype html><html><head></head><body>${before}</body><whosaid-overlay data-box="800,100,1200,700" data-style="${HOST_STYLE}"></whosaid-overlay>${after}</html>`);
    return { doc, host: doc.querySelector('whosaid-overlay')! };
  }
  test.each([
    ['a fixed white sheet with the largest z-index appended to <html> after the host', `<div id="c" data-box="0,0,1280,900" data-style="position:fixed;z-index:2147483647;${WHITE}"></div>`, 'c'],
    ['the same sheet inside an unpositioned wrapper after the host', `<section><div id="c" data-box="0,0,1280,900" data-style="position:fixed;z-index:2147483647;${WHITE}"></div></section>`, 'c'],
  ])('%s is a cover', (_label, after, id) => {
    const { doc, host } = pageAfter(after);
    expect(topLayerCover(doc, host, PANEL, layoutFor())?.id).toBe(id);
  });
  test.each([
    ['a lower z-index after the host', `<div data-box="0,0,1280,900" data-style="position:fixed;z-index:1000;${WHITE}"></div>`, ''],
    ['an unpositioned block after the host', `<div data-box="0,0,1280,900" data-style="${WHITE}"></div>`, ''],
    ['the largest z-index, but in <body>, before the host', '', `<div data-box="0,0,1280,900" data-style="position:fixed;z-index:2147483647;${WHITE}"></div>`],
    ['the largest z-index after the host, away from the panel', `<div data-box="0,800,200,900" data-style="position:fixed;z-index:2147483647;${WHITE}"></div>`, ''],
  ])('%s is no cover', (_label, after, before) => {
    const { doc, host } = pageAfter(after, before);
    expect(topLayerCover(doc, host, PANEL, layoutFor())).toBeNull();
  });
});
