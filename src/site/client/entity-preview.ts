/**
 * Entity link previews on article pages, as Wikipedia's page previews: hovering an entity link
 * (after a short pause) or focusing it by keyboard shows a small card read from the entity's
 * static /entities/<id>/card.json (src/pages/entities/[id]/card.json.ts), fetched once.
 * Touch taps are never intercepted: a tap follows the link. The card is a tooltip in a
 * container appended to <main>, positioned with CSSOM so the page never shifts.
 */
import type { EntityCard } from '../entity-card.ts';

const LINK = '.article-body a.entity-link';
const SHOW_DELAY_MS = 300;
/** Time to move the pointer from the link onto the card without it closing (WCAG 1.4.13). */
const HIDE_DELAY_MS = 200;
const GAP_PX = 6;
const MARGIN_PX = 8;

const cards = new Map<string, Promise<EntityCard | null>>();

function loadCard(href: string): Promise<EntityCard | null> {
  let card = cards.get(href);
  if (!card) {
    card = fetch(new URL('card.json', new URL(href, location.href)))
      .then((r) => (r.ok ? (r.json() as Promise<EntityCard>) : null))
      .catch(() => null);
    cards.set(href, card);
  }
  return card;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

let tooltip: HTMLDivElement | undefined;
/** The link whose card is shown, or about to be. */
let current: HTMLAnchorElement | undefined;
let showTimer: number | undefined;
let hideTimer: number | undefined;
/** A link whose card Escape dismissed: not shown again until the pointer or focus leaves it. */
let dismissed: HTMLAnchorElement | undefined;

function container(): HTMLDivElement {
  if (!tooltip) {
    tooltip = document.createElement('div');
    tooltip.id = 'entity-preview';
    tooltip.className = 'entity-preview';
    tooltip.setAttribute('role', 'tooltip');
    tooltip.hidden = true;
    tooltip.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
    tooltip.addEventListener('pointerleave', () => scheduleHide());
    // Inside <main>, so every content of the page stays in a landmark; neither is positioned,
    // so the card is placed against the page.
    (document.querySelector('main') ?? document.body).append(tooltip);
  }
  return tooltip;
}

function place(box: HTMLDivElement, link: HTMLAnchorElement): void {
  const rect = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  const rtl = getComputedStyle(link).direction === 'rtl';
  const width = box.offsetWidth;
  const height = box.offsetHeight;
  // Aligned with the start edge of the link's first line, kept inside the viewport.
  const start = rtl ? viewport - rect.right : rect.left;
  const clamped = Math.max(MARGIN_PX, Math.min(start, viewport - width - MARGIN_PX));
  const below = rect.bottom + GAP_PX;
  const top = below + height > window.innerHeight && rect.top - GAP_PX - height > 0 ? rect.top - GAP_PX - height : below;
  // The page never scrolls sideways: the start offset in the viewport is the one in the page.
  box.style.insetInlineStart = `${clamped}px`;
  box.style.insetBlockStart = `${top + window.scrollY}px`;
}

async function show(link: HTMLAnchorElement): Promise<void> {
  const card = await loadCard(link.getAttribute('href')!);
  if (!card || current !== link || dismissed === link) return;
  const box = container();
  box.replaceChildren(
    element('p', 'entity-preview-title', ''),
    element('p', 'entity-preview-line', card.line),
    element('p', 'entity-preview-count', card.countText),
  );
  box.firstElementChild!.append(element('span', 'entity-preview-name', card.name), element('span', 'entity-preview-type', card.type));
  box.style.insetInlineStart = '0px';
  box.style.insetBlockStart = '0px';
  box.hidden = false;
  place(box, link);
  link.setAttribute('aria-describedby', box.id);
}

function hide(): void {
  window.clearTimeout(showTimer);
  window.clearTimeout(hideTimer);
  current?.removeAttribute('aria-describedby');
  current = undefined;
  if (tooltip) tooltip.hidden = true;
}

function scheduleHide(): void {
  window.clearTimeout(showTimer);
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
}

function linkOf(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? target.closest<HTMLAnchorElement>(LINK) : null;
}

function open(link: HTMLAnchorElement, delay: number): void {
  window.clearTimeout(hideTimer);
  if (current === link) return;
  hide();
  current = link;
  showTimer = window.setTimeout(() => void show(link), delay);
}

document.addEventListener('pointerover', (event) => {
  // Touch and pen taps are left alone: the link navigates, as without this script.
  if (event.pointerType !== 'mouse') return;
  const link = linkOf(event.target);
  if (!link || link.contains(event.relatedTarget as Node | null)) return;
  // The pointer comes onto the link: a new hover, even over a link whose card Escape closed.
  dismissed = undefined;
  open(link, SHOW_DELAY_MS);
});
document.addEventListener('pointerout', (event) => {
  const link = linkOf(event.target);
  if (!link || link.contains(event.relatedTarget as Node | null)) return;
  if (dismissed === link) dismissed = undefined;
  if (current === link) scheduleHide();
});
document.addEventListener('focusin', (event) => {
  const link = linkOf(event.target);
  if (link?.matches(':focus-visible')) open(link, 0);
});
document.addEventListener('focusout', (event) => {
  const link = linkOf(event.target);
  if (!link) return;
  if (dismissed === link) dismissed = undefined;
  if (current === link) hide();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && current) {
    dismissed = current;
    hide();
  }
});
window.addEventListener('resize', hide);
