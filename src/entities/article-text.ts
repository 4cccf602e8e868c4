import { mdxToHast } from 'satteri';
import type { FindMentions, Mention, TextBlock } from './mentions.ts';

/** Elements that start a new block of text. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'figcaption', 'blockquote']);

interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

/**
 * Reads an article's MDX body with the same parser Astro renders it with (Sätteri), and returns
 * its blocks of text with the entity mentions in them — exactly the text nodes the link plugin
 * sees, so the mention index and the links in the page always agree. `<NoLink>` text is kept but
 * not matched; `<EntityLink id>` text counts as a mention of that id. Photo credits are read with
 * `findCreditMentions`, which also knows the names agencies sign with.
 */
export function readArticleBlocks(body: string, findMentions: FindMentions, findCreditMentions: FindMentions = findMentions): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;

  const flush = () => {
    if (current && current.text.trim()) blocks.push(current);
    current = undefined;
  };

  const walk = (node: Node, mode: 'match' | 'plain' | { forced: string }) => {
    if (node.type === 'text') {
      const value = node.value ?? '';
      if (!current) {
        if (!value.trim()) return;
        current = { text: '', mentions: [] };
      }
      const offset = current.text.length;
      current.text += value;
      if (mode === 'match') {
        for (const m of findMentions(value)) current.mentions.push(shift(m, offset));
      } else if (mode !== 'plain') {
        current.mentions.push({ entityId: mode.forced, start: offset, end: offset + value.length });
      }
      return;
    }
    const isBlock =
      (node.type === 'element' && BLOCKS.has(node.tagName!)) || node.type === 'mdxJsxFlowElement';
    if (isBlock) flush();
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Caption') {
      // The photo credit is an attribute, rendered after the caption text: read it as its own block.
      const credit = node.attributes?.find((a) => a.name === 'credit')?.value;
      if (typeof credit === 'string' && credit.trim()) {
        blocks.push({ text: credit, mentions: mode === 'match' ? findCreditMentions(credit) : [] });
      }
    }
    let childMode = mode;
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      if (node.name === 'NoLink') childMode = 'plain';
      if (node.name === 'EntityLink') {
        const id = node.attributes?.find((a) => a.name === 'id')?.value;
        if (typeof id === 'string') childMode = { forced: id };
      }
    }
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) childMode = 'plain';
    for (const child of node.children ?? []) walk(child, childMode);
    if (isBlock) flush();
  };

  walk(mdxToHast(body) as Node, 'match');
  flush();
  return blocks;
}

function shift(m: Mention, offset: number): Mention {
  return { entityId: m.entityId, start: m.start + offset, end: m.end + offset };
}
