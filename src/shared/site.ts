/**
 * Which site a page is on, and so which address a page may file itself under. A site is a registrable
 * domain by the Public Suffix List (tldts bundles it; nothing is fetched): "bbc.co.uk" for www.bbc.co.uk,
 * and, with the list's private section, "evil.github.io" for evil.github.io, as browsers draw the line for
 * cookies. A hand rule on the last labels cannot know github.io or blogspot.com hand out whole sites.
 *
 * Imported by the worker only: the list is some 140 KB, more than the content script's whole budget, so
 * the content script sends the address the page declares and the worker decides (background/analyze-article).
 */
import { getDomain } from 'tldts';
import { MAX_ADDRESS_CHARS } from './meta-caps';

/** A host's site: its registrable domain; a host with none (an IP address, "localhost", a public suffix itself) is its own. */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function sameSite(hostA: string, hostB: string): boolean {
  return siteOf(hostA) === siteOf(hostB);
}

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The page's address for the cache, the desk and exports: the address it declares (canonical link, og:url)
 * when that is an http(s) address of reasonable length on the page's own site, else the page's own URL;
 * without the hash either way. A page may point anywhere, and must not be filed, exported or merged as another site's.
 */
export function pageAddress(pageUrl: string, declared: string): string {
  const own = pageUrl.split('#')[0];
  const page = parsed(pageUrl);
  const named = declared.length <= MAX_ADDRESS_CHARS ? parsed(declared) : null;
  if (!named || (named.protocol !== 'http:' && named.protocol !== 'https:')) return own;
  named.hash = '';
  // With no page address to hold it to (not a page a browser loaded), the declared one is all there is.
  if (!page) return named.href;
  return sameSite(page.hostname, named.hostname) ? named.href : own;
}
