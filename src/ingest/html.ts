/**
 * HTML article bodies (what many scrapers and CMS exports put in a record's text field) →
 * Markdown, which `readMarkdown` then reads like any Markdown input: block elements become
 * paragraphs, `h1`–`h6` headings, `blockquote` quotations, images with a caption (`figcaption`,
 * else `alt`) captions, links Markdown links; scripts, styles, forms and embeds are dropped with
 * their content; every other tag is dropped and its text kept. Text is escaped so no character of
 * the article can turn into Markdown markup. Parsing is node-html-parser's (forgiving, like a
 * browser's, with unclosed `<p>` and stray tags).
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';

/** Elements whose content is not article text. */
// biome-ignore format: a packed list of tag names
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button',
  'select', 'textarea', 'input', 'head', 'title', 'meta', 'link', 'video', 'audio', 'source', 'track', 'map',
]);

/** Elements that end the paragraph before them and start a new one. */
// biome-ignore format: a packed list of tag names
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
  'pre', 'hr', 'figure', 'figcaption', 'details', 'summary', 'body', 'html',
]);

/** A tag that marks text as HTML (a block, a line break, a heading or a link), not a stray `<`. */
const HTML_MARK =
  /<\s*(?:p|br|div|h[1-6]|blockquote|ul|ol|li|figure|figcaption|table|section|article|span|strong|em|b|i|a\s[^<>]*href)\b[^<>]*>/i;

/** Whether a record's text is HTML. */
export function looksLikeHtml(text: string): boolean {
  return HTML_MARK.test(text);
}

/** Markdown's markup characters, escaped so the reader takes them as text. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]#>|!<~]/g, (c) => `\\${c}`);
}

/** A line's start, escaped where Markdown would see a list item. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+])(\s)/, '\\$1$2').replace(/^(\d{1,9})([.)])(\s)/, '$1\\$2$3');
}

/** A caption as Markdown image alt text (brackets would end it early). */
function captionText(text: string): string {
  return escapeInline(text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim());
}

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === 1;
}

/** Converts an HTML fragment or page to Markdown (blank lines between blocks). */
export function htmlToMarkdown(html: string): string {
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  const blocks: string[] = [];
  let inline = '';

  const flush = (prefix = '') => {
    const text = inline.replace(/\s+/g, ' ').trim();
    inline = '';
    if (text !== '') blocks.push(prefix + escapeLineStart(text));
  };

  const walk = (node: Node): void => {
    if (!isElement(node)) {
      // Text: its entities decoded by the parser, then escaped for Markdown.
      inline += escapeInline(node.text);
      return;
    }
    const tag = node.rawTagName?.toLowerCase() ?? '';
    if (DROPPED.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      node.childNodes.forEach(walk);
      flush(`${'#'.repeat(Number(heading[1]))} `);
      return;
    }
    if (tag === 'blockquote') {
      flush();
      const before = blocks.length;
      node.childNodes.forEach(walk);
      flush();
      // Every paragraph of the quotation becomes a quoted line.
      for (let i = before; i < blocks.length; i++) blocks[i] = `> ${blocks[i]}`;
      return;
    }
    if (tag === 'img') {
      const alt = node.getAttribute('alt')?.trim() ?? '';
      // A figure's caption says more than the alt text; an image in a figure waits for it.
      const figure = node.closest('figure');
      const caption = figure?.querySelector('figcaption')?.text.replace(/\s+/g, ' ').trim() ?? '';
      if (!caption && alt) {
        flush();
        blocks.push(`![${captionText(alt)}]()`);
      }
      return;
    }
    if (tag === 'figcaption') {
      flush();
      const text = node.text.replace(/\s+/g, ' ').trim();
      if (text) blocks.push(`![${captionText(text)}]()`);
      return;
    }
    if (tag === 'a') {
      const href = node.getAttribute('href')?.trim() ?? '';
      const start = inline.length;
      node.childNodes.forEach(walk);
      const label = inline.slice(start);
      if (/^https?:\/\//i.test(href) && label.trim() !== '')
        inline = `${inline.slice(0, start)}[${label}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };

  walk(root);
  flush();
  return blocks.join('\n\n');
}
