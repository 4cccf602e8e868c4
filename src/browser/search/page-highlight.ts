/**
 * Highlights the searched words (`?pagefind-highlight=`) on the page a search result opened, the
 * way the search matched them: "الوزير" for وزير, "مسؤول" for مسئول, every name of an entity the
 * query named. Marks are `<mark class="pagefind-highlight">`, as Pagefind's own highlighter makes
 * them, inside the indexed part of the page (`data-pagefind-body`, without `data-pagefind-ignore`).
 */
import { highlightParam } from '../../search/config.ts';
import type { Highlighter } from '../../search/highlight.ts';
import { queryProcessor, state } from './state.ts';

const SKIP = 'script, style, noscript, mark, [data-pagefind-ignore], [hidden]';

/** Wraps the highlighted ranges of one text node in marks. */
function markTextNode(node: Text, highlighter: Highlighter): number {
  const text = node.data;
  const ranges = highlighter.ranges(text);
  if (ranges.length === 0) return 0;
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) fragment.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = 'pagefind-highlight';
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  node.replaceWith(fragment);
  return ranges.length;
}

/** Highlights the words of the page URL's highlight parameters; returns the number of marks. */
export async function highlightPage(): Promise<number> {
  const words = new URLSearchParams(location.search).getAll(highlightParam).join(' ').trim();
  if (!words) return 0;
  const processor = await queryProcessor();
  const highlighter = new state.tools!.Highlighter(processor.prepare(words), processor);
  if (highlighter.empty) return 0;
  const roots = document.querySelectorAll('[data-pagefind-body]');
  let count = 0;
  for (const root of roots.length > 0 ? roots : [document.body]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest(SKIP) || !node.nodeValue?.trim() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const node of nodes) count += markTextNode(node, highlighter);
  }
  // Bring the first match into view, unless the link pointed somewhere in the page.
  if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
  document.documentElement.dataset.searchHighlights = String(count);
  return count;
}
