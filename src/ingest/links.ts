/**
 * Web addresses in article text: which tokens are links, and which link targets are safe to
 * write (http, https and mailto only — never `javascript:` or a relative path).
 */

/** A URL inside a space-free token: `prefix` and `suffix` are punctuation around it ("(…)."). */
export interface TokenUrl {
  prefix: string;
  url: string;
  suffix: string;
  /** The link target: the URL itself, with `http://` added to a bare `www.` host. */
  href: string;
}

/** Opening punctuation a URL may be wrapped in. */
const OPENERS = /^[([«"“'<{]+/;
/** Closing punctuation after a URL (GFM's rule: trailing punctuation is not part of it). */
const CLOSERS = /[)\]»"”'>}.,;:!?،؛؟…]+$/;
/** A URL: a scheme and host, or a `www.` host; no spaces. */
const URL_TOKEN = /^(?:https?:\/\/[^\s/?#]+\.[^\s/?#]+|www\.[^\s/?#]+\.[^\s/?#]+)\S*$/i;

/** Finds the URL in a token ("(www.gdp.gov.sa)." → "www.gdp.gov.sa"), or null. */
export function urlInToken(token: string): TokenUrl | null {
  const prefix = OPENERS.exec(token)?.[0] ?? '';
  let url = token.slice(prefix.length);
  let suffix = CLOSERS.exec(url)?.[0] ?? '';
  url = url.slice(0, url.length - suffix.length);
  // Keep a closing bracket that pairs with an opening one inside the URL (Wikipedia links).
  while (suffix.startsWith(')') && count(url, '(') > count(url, ')')) {
    url += ')';
    suffix = suffix.slice(1);
  }
  if (!URL_TOKEN.test(url)) return null;
  const href = safeHref(/^www\./i.test(url) ? `http://${url}` : url, null);
  return href ? { prefix, url, suffix, href } : null;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/**
 * A link target that is safe to write: an absolute http(s) or mailto URL, or a relative one
 * resolved against `base`. Returns null for anything else.
 */
export function safeHref(href: string, base: string | null): string | null {
  const value = href.trim();
  if (value === '' || /[\s\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF]/.test(value)) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.')) return null;
  return /^(?:https?|mailto):/i.test(value) ? value : url.href;
}

/** A URL for `source.url`: an absolute http(s) URL as given, or null. */
export function sourceUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const href = safeHref(value, null);
  return href && /^https?:/i.test(href) ? href : null;
}
