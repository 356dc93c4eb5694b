/**
 * What of the page is drawn over the panel, asked at a review action where the browser cannot tell
 * (Firefox: no IntersectionObserver v2; issue 21). The overlay's host is an ordinary fixed element with the
 * largest z-index, not in the top layer, so what a page can draw above it is its own top-layer elements (open
 * popovers, modal dialogs, the fullscreen element, and their ::backdrop) and a positioned element with as large a
 * z-index later in tree order than the host (paintedAfterHost). Hit testing
 * (elementFromPoint) cannot see them when they have `pointer-events: none`, so they are enumerated instead:
 *
 * - where: the document and every shadow root under it, closed ones included. A content script can open a
 *   closed root (Firefox: `element.openOrClosedShadowRoot`; Chromium: `chrome.dom.openOrClosedShadowRoot`);
 *   where neither exists only open roots are seen.
 * - what each paints: its ::backdrop fills the viewport, so a painted backdrop is a cover wherever the panel
 *   is. Otherwise the boxes of the element and of its whole flat subtree that paint something (a background,
 *   a border, text, a replaced element), each where it is drawn (a fixed child far outside a 1px popover
 *   counts where it is); anything whose ink cannot be bounded from its box (a shadow, an outline, a filter, a
 *   ::before/::after) counts as the whole viewport. Subtrees with `display: none` or `opacity: 0`, and boxes
 *   with `visibility` other than visible, paint nothing.
 *
 * It errs towards "covered": a page's open popover that might reach the panel refuses the review, and the
 * panel says why. The overlay runs in the content script's world, so the page's changes to DOM prototypes
 * do not reach the calls made here.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the check asks of the browser; `browserLayout` is the real one, tests give stand-ins. */
export interface Layout {
  style(element: Element, pseudo?: string): CSSStyleDeclaration | null;
  rect(element: Element): Box;
  /** Where a text node's text is drawn; null when it cannot be told. */
  textRect(text: Text): Box | null;
  /** The element's shadow root, open or closed, where it can be reached. */
  shadowOf(element: Element): ShadowRoot | null;
  viewport(): Box;
  /** The elements of `root` that match a top-layer pseudo-class (an unknown one matches none). */
  query(root: Document | ShadowRoot, selector: string): Element[];
}

/** Pseudo-classes of what the page can put in the top layer. */
export const TOP_LAYER_SELECTORS = [':popover-open', ':modal', ':fullscreen'] as const;

/** Elements that draw their own content (a picture, a frame, a control) whatever their CSS. */
const REPLACED = new Set(['IMG', 'VIDEO', 'CANVAS', 'IFRAME', 'EMBED', 'OBJECT', 'SVG', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'PROGRESS', 'METER', 'PICTURE', 'MATH']);

type ChromeDom = { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } };

/** The element's shadow root: closed ones through the content-script-only APIs, else the open one. */
export function reachShadow(element: Element): ShadowRoot | null {
  try {
    const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    if (firefox !== undefined) return firefox ?? null;
    const chrome = (globalThis as { chrome?: ChromeDom }).chrome;
    if (typeof chrome?.dom?.openOrClosedShadowRoot === 'function') return chrome.dom.openOrClosedShadowRoot(element) ?? null;
  } catch {
    // Not an element the API takes: fall back to the open root.
  }
  return element.shadowRoot ?? null;
}

export function browserLayout(doc: Document): Layout {
  const view = doc.defaultView;
  return {
    style: (element, pseudo) => {
      try {
        return view?.getComputedStyle(element, pseudo ?? null) ?? null;
      } catch {
        return null;
      }
    },
    rect: (element) => element.getBoundingClientRect(),
    textRect: (text) => {
      try {
        const range = doc.createRange();
        range.selectNodeContents(text);
        return range.getBoundingClientRect();
      } catch {
        return null;
      }
    },
    shadowOf: reachShadow,
    viewport: () => ({ left: 0, top: 0, right: view?.innerWidth ?? 0, bottom: view?.innerHeight ?? 0 }),
    query: (root, selector) => {
      try {
        return Array.from(root.querySelectorAll(selector));
      } catch {
        return [];
      }
    },
  };
}

/** Every shadow root reachable under `root` (not those of `skip`, our own host), depth first. */
function shadowRoots(root: Document | ShadowRoot, layout: Layout, skip: Element, out: ShadowRoot[] = []): ShadowRoot[] {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element === skip) continue;
    const shadow = layout.shadowOf(element);
    if (shadow && !out.includes(shadow)) {
      out.push(shadow);
      shadowRoots(shadow, layout, skip, out);
    }
  }
  return out;
}

/**
 * Shadow roots found by the last walk of each document, for samples taken as the pointer moves: the walk asks
 * every element for its root, and a page of 100,000 elements must not pay it ten times a second. An action
 * always walks afresh (maxAgeMs 0), so a root attached just before the click is seen.
 */
const lastWalk = new WeakMap<Document, { at: number; host: Element; roots: ShadowRoot[] }>();

function shadowRootsOf(doc: Document, host: Element, layout: Layout, maxAgeMs: number): ShadowRoot[] {
  const now = doc.defaultView?.performance?.now() ?? Date.now();
  const last = lastWalk.get(doc);
  if (maxAgeMs > 0 && last && last.host === host && now - last.at <= maxAgeMs) return last.roots;
  const roots = shadowRoots(doc, layout, host);
  lastWalk.set(doc, { at: now, host, roots });
  return roots;
}

/** The page's elements in the top layer: in the document and every shadow root reached, the overlay's own left out. */
export function topLayerElements(doc: Document, host: Element, layout: Layout, maxAgeMs = 0): Element[] {
  const found = new Set<Element>();
  const fullscreen = doc.fullscreenElement;
  if (fullscreen) found.add(fullscreen);
  for (const root of [doc, ...shadowRootsOf(doc, host, layout, maxAgeMs)]) {
    for (const selector of TOP_LAYER_SELECTORS) for (const element of layout.query(root, selector)) found.add(element);
  }
  // The fullscreen element of the document retargets a shadow root's to its host: the subtree walk covers it.
  return [...found].filter((element) => element !== host && !element.contains(host));
}

const transparent = (color: string | undefined) => !color || color === 'transparent' || /^rgba\(.*,\s*0(\.0+)?\)$/.test(color.replace(/\s+/g, ' '));
const none = (value: string | undefined) => !value || value === 'none';
const px = (value: string | undefined) => parseFloat(value ?? '') || 0;

/** Whether the box itself paints something (not counting its children). */
function paintsItself(element: Element, style: CSSStyleDeclaration): boolean {
  if (REPLACED.has(String(element.tagName ?? '').toUpperCase())) return true;
  if (!transparent(style.backgroundColor) || !none(style.backgroundImage)) return true;
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
    const width = px(style[`border${side}Width`]);
    const line = style[`border${side}Style`];
    if (width > 0 && line && line !== 'none' && line !== 'hidden' && !transparent(style[`border${side}Color`])) return true;
  }
  return false;
}

/** Whether the element's ink may reach beyond its border box in a way the box does not tell (shadow, outline, filter, a pseudo-element). */
function inksOutside(element: Element, style: CSSStyleDeclaration, layout: Layout): boolean {
  if (!none(style.boxShadow) || !none(style.filter) || !none((style as CSSStyleDeclaration & { backdropFilter?: string }).backdropFilter)) return true;
  if (!none(style.outlineStyle) && px(style.outlineWidth) > 0) return true;
  for (const pseudo of ['::before', '::after']) {
    const content = layout.style(element, pseudo)?.content;
    if (content && content !== 'none' && content !== 'normal') return true;
  }
  return false;
}

/** Whether the ::backdrop drawn behind a top-layer element paints anything (it fills the viewport). */
function backdropPaints(element: Element, layout: Layout): boolean {
  const style = layout.style(element, '::backdrop');
  if (!style) return false;
  if (style.display === 'none' || (style.opacity && Number(style.opacity) === 0)) return false;
  if (style.visibility && style.visibility !== 'visible') return false;
  return !transparent(style.backgroundColor) || !none(style.backgroundImage) || !none(style.boxShadow) || !none(style.filter) || !none((style as CSSStyleDeclaration & { backdropFilter?: string }).backdropFilter);
}

const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.right > a.left && a.bottom > a.top;

/** Whether anything of `element`'s flat subtree is painted over `target`. */
function subtreePaintsOver(element: Element, target: Box, layout: Layout): boolean {
  const style = layout.style(element);
  if (!style) return true;
  if (style.display === 'none' || style.opacity === '0') return false;
  if (style.display !== 'contents' && style.visibility === 'visible') {
    if (inksOutside(element, style, layout)) return meets(layout.viewport(), target);
    if (paintsItself(element, style) && meets(layout.rect(element), target)) return true;
  }
  const shadow = layout.shadowOf(element);
  // Shown: the shadow tree (slotted children are reached through the light children below, where they are drawn).
  const children = [...(shadow ? Array.from(shadow.childNodes) : []), ...Array.from(element.childNodes)];
  for (const child of children) {
    if (child.nodeType === 1) {
      if (subtreePaintsOver(child as Element, target, layout)) return true;
    } else if (child.nodeType === 3 && /\S/.test(child.nodeValue ?? '') && style.visibility === 'visible') {
      const box = layout.textRect(child as Text);
      if (!box || meets(box, target)) return true;
    }
  }
  return false;
}

const POSITIONED = new Set(['fixed', 'absolute', 'relative', 'sticky']);

/**
 * Outside the top layer, what paints above the host: the host has the largest z-index in the root stacking
 * context, so only a positioned element with a z-index as large, later in tree order, does — that is, one at or
 * under an element after the host among its siblings (the page appends a fixed white sheet to <html> after it).
 */
export function paintedAfterHost(host: Element, layout: Layout): Element[] {
  const hostZ = Number.parseInt(layout.style(host)?.zIndex ?? '', 10);
  const floor = Number.isFinite(hostZ) ? hostZ : 0;
  const found: Element[] = [];
  const visit = (element: Element) => {
    const style = layout.style(element);
    if (style && POSITIONED.has(style.position) && Number.parseInt(style.zIndex, 10) >= floor) {
      found.push(element);
      return;
    }
    for (const child of Array.from(element.children)) visit(child);
  };
  for (let sibling = host.nextElementSibling; sibling; sibling = sibling.nextElementSibling) visit(sibling);
  return found;
}

/** The first of the page's elements drawn above the overlay (top layer, or after the host) that paints over `target` (the panel's box), or null. */
export function topLayerCover(doc: Document, host: Element, target: Box, layout: Layout = browserLayout(doc), maxAgeMs = 0): Element | null {
  for (const element of topLayerElements(doc, host, layout, maxAgeMs)) {
    if (backdropPaints(element, layout) && meets(layout.viewport(), target)) return element;
    if (subtreePaintsOver(element, target, layout)) return element;
  }
  for (const element of paintedAfterHost(host, layout)) {
    if (subtreePaintsOver(element, target, layout)) return element;
  }
  return null;
}
