/**
 * Entity link previews on article pages, as Wikipedia's page previews: hovering an entity link
 * (after a short pause) or focusing it by keyboard shows a small card read from the static file of
 * the entity's group of cards, /entity-cards/<group>.json (src/site-core/entity-card-groups.ts,
 * src/pages/entity-cards/[group].json.ts), fetched once per page and group.
 * Touch taps are never intercepted: a tap follows the link. On touch screens, where nothing
 * hovers, a small button after each entity link opens and closes its card; the room for it is
 * kept by CSS from the first paint (theme.js marks the page `data-js`), and the button, out of
 * flow, sits in that room, so no text moves when it arrives. The card is a tooltip in a
 * container appended to <main>, positioned with CSSOM so the page never shifts.
 */
import type { EntityCard } from '../site-core/entity-card.ts';
import { entityCardGroup, entityCardsUrl, entityIdOf } from '../site-core/entity-card-groups.ts';

const LINK = '.article-body a.entity-link';
const SHOW_DELAY_MS = 300;
/** Time to move the pointer from the link onto the card without it closing (WCAG 1.4.13). */
const HIDE_DELAY_MS = 200;
const GAP_PX = 6;
const MARGIN_PX = 8;

/** Each group's cards by entity id, fetched once (null when the file could not be read). */
const groups = new Map<number, Promise<Record<string, EntityCard> | null>>();

function loadCard(href: string): Promise<EntityCard | null> {
  const id = entityIdOf(new URL(href, location.href).pathname);
  if (id === null) return Promise.resolve(null);
  const group = entityCardGroup(id);
  let cards = groups.get(group);
  if (!cards) {
    cards = fetch(new URL(entityCardsUrl(group), location.href))
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, EntityCard>>) : null))
      .catch(() => null);
    groups.set(group, cards);
  }
  return cards.then((all) => (all && Object.hasOwn(all, id) ? all[id]! : null));
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
/** On touch screens: each link's button that opens its card. */
const toggles = new Map<HTMLAnchorElement, HTMLButtonElement>();

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
  toggles.get(link)?.setAttribute('aria-expanded', 'true');
}

function hide(): void {
  window.clearTimeout(showTimer);
  window.clearTimeout(hideTimer);
  current?.removeAttribute('aria-describedby');
  if (current) toggles.get(current)?.setAttribute('aria-expanded', 'false');
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

/** An «i» in a circle, drawn in the text colour. */
function infoIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const circle = document.createElementNS(ns, 'circle');
  circle.setAttribute('cx', '8');
  circle.setAttribute('cy', '8');
  circle.setAttribute('r', '6.5');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M8 7v4.5M8 4.6v.1');
  svg.append(circle, path);
  return svg;
}

/**
 * Touch screens: a button after each entity link toggles its card; a tap elsewhere closes it.
 * Only where CSS kept room for the button (a page whose theme.js marked it as running scripts).
 */
function addTouchToggles(): void {
  if (!window.matchMedia('(hover: none) and (pointer: coarse)').matches) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>(LINK)) {
    if (!(parseFloat(getComputedStyle(link).marginInlineEnd) > 0)) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'entity-preview-toggle';
    button.setAttribute('aria-label', `بطاقة «${(link.textContent ?? '').trim()}»`);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'entity-preview');
    button.append(infoIcon());
    button.addEventListener('click', () => {
      if (current === link) {
        hide();
        return;
      }
      dismissed = undefined;
      open(link, 0);
    });
    link.after(button);
    toggles.set(link, button);
  }
  // The card's container exists before any button points at it.
  if (toggles.size > 0) container();
}

document.addEventListener('pointerdown', (event) => {
  if (event.pointerType === 'mouse' || !current) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target && (tooltip?.contains(target) || target.closest('.entity-preview-toggle'))) return;
  hide();
});
addTouchToggles();
