/**
 * The article as the page states it, for the desk and exports: title, outlet and publication date,
 * read from the page's own metadata (Open Graph, JSON-LD, <time>), never guessed. A date the page does
 * not state is null. Each is capped (shared/meta-caps): a page can state megabytes.
 */
import type { ArticleMeta } from '../shared/desk/schema';
import { capText, MAX_DATE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS } from '../shared/meta-caps';

const DATE_METAS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="publish-date"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

function isoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  // Longer than any way of writing a date: no date, and not worth parsing.
  if (!text || text.length > MAX_DATE_CHARS) return null;
  const time = Date.parse(text);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/**
 * The elements the metadata is read from, found in one walk of the document: walked selector by selector, a page of
 * 100,000 elements spent 26 ms of one task in querySelector (round 14, a CPU profile of bench:giant's page).
 */
interface MetaElements {
  metas: Element[];
  jsonLd: Element[];
  times: Element[];
}

function metaElements(doc: Document): MetaElements {
  const found: MetaElements = { metas: [], jsonLd: [], times: [] };
  for (const element of Array.from(doc.querySelectorAll('meta[content], script[type="application/ld+json"], time[datetime]'))) {
    if (element.localName === 'meta') found.metas.push(element);
    else if (element.localName === 'script') found.jsonLd.push(element);
    else found.times.push(element);
  }
  return found;
}

/** The first of `elements` (in document order) matching `selector`. */
function firstMatching(elements: Element[], selector: string): Element | undefined {
  return elements.find((element) => element.matches(selector));
}

/** JSON-LD objects of the page, @graph entries included; malformed blocks are skipped. */
function jsonLdNodes(scripts: Element[]): Array<Record<string, unknown>> {
  const nodes: Array<Record<string, unknown>> = [];
  for (const script of scripts) {
    try {
      const parsed: unknown = JSON.parse(script.textContent ?? '');
      const queue = Array.isArray(parsed) ? [...parsed] : [parsed];
      while (queue.length > 0) {
        const node = queue.shift();
        if (!node || typeof node !== 'object') continue;
        const record = node as Record<string, unknown>;
        nodes.push(record);
        if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
      }
    } catch {
      // Not JSON: ignore this block.
    }
  }
  return nodes;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report/;

function publishedDate(elements: MetaElements, nodes: Array<Record<string, unknown>>): string | null {
  for (const selector of DATE_METAS) {
    const date = isoDate(firstMatching(elements.metas, selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const node of nodes) {
    const type = String(node['@type'] ?? '');
    if (ARTICLE_TYPES.test(type) && typeof node.datePublished === 'string') {
      const date = isoDate(node.datePublished);
      if (date) return date;
    }
  }
  return isoDate(firstMatching(elements.times, 'article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"]')?.getAttribute('datetime'));
}

function outletName(url: string, elements: MetaElements, nodes: Array<Record<string, unknown>>): string {
  const site = firstMatching(elements.metas, 'meta[property="og:site_name"]')?.getAttribute('content')?.trim();
  if (site) return site;
  for (const node of nodes) {
    const publisher = node.publisher as { name?: unknown } | undefined;
    if (ARTICLE_TYPES.test(String(node['@type'] ?? '')) && typeof publisher?.name === 'string' && publisher.name.trim()) return publisher.name.trim();
  }
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function articleMeta(doc: Document, url: string, title: string): ArticleMeta {
  // The document is walked once, and its JSON-LD parsed once, for both the outlet and the date.
  const elements = metaElements(doc);
  const nodes = jsonLdNodes(elements.jsonLd);
  return {
    url: url.split('#')[0],
    title: capText(title || doc.title || url, MAX_TITLE_CHARS),
    outlet: capText(outletName(url, elements, nodes), MAX_OUTLET_CHARS),
    published: publishedDate(elements, nodes),
  };
}
