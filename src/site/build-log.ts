/**
 * Astro's log, one whole line per message (astro.config.mjs `logger`). Astro prints each page it
 * generates in two parts — "  ├─ /path" without a line end when the page starts, " (+12ms)" when
 * it is written — which with `build.concurrency` > 1 glue several pages on one line
 * ("├─ /404.html  ├─ /archive/index.html  ├─ /articles/…/index.html (+5.35s)") and leave times
 * with no page ("(+39ms)") as the last pages finish. This destination writes every page on its own
 * line, with its time when the time can only be that page's (one page in flight, or "(cached)" /
 * "(restored)", which Astro prints at once), and drops the times it cannot attribute. Every other
 * message goes to Astro's own node destination unchanged.
 *
 * Loaded by Astro with a plain `import()` (Node 24 strips the types).
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';

/** A page's time as Astro appends it, " (+12ms)" / " (+5.35s)", colours and all. */
const TIMING = /^\s*(?:\x1b\[[\d;]*m)*\(\+[\d.]+m?s\)(?:\x1b\[[\d;]*m)*\s*/;

/** Wraps `out` so that it receives whole lines only (`newLine: true`). */
export function wholeLines(out: AstroLoggerDestination): AstroLoggerDestination {
  /** The start of a line Astro left open, held until its end arrives or it cannot. */
  let open: AstroLoggerMessage | null = null;
  /** Lines started and not yet ended: pages in flight. */
  let unended = 0;

  const flush = () => {
    if (open) out.write({ ...open, newLine: true });
    open = null;
  };

  return {
    write(event) {
      if (event.label === 'SKIP_FORMAT' && (open || unended > 0)) {
        // The end of a line started before: whose, if it can be told.
        const timing = TIMING.test(event.message);
        unended = Math.max(0, unended - 1);
        if (open && (!timing || unended === 0)) {
          out.write({ ...open, message: `${open.message}${event.message}`, newLine: true });
          open = null;
          return;
        }
        flush();
        const rest = event.message.replace(TIMING, '');
        if (rest.trim()) out.write({ ...event, message: `  ${rest.trim()}`, newLine: true });
        return;
      }
      flush();
      if (event.newLine === false) {
        open = event;
        unended++;
        return;
      }
      out.write(event);
    },
    flush() {
      flush();
      return out.flush?.();
    },
    close() {
      flush();
      return out.close?.();
    },
  };
}

export default function buildLog(config?: Parameters<typeof nodeDestination>[0]): AstroLoggerDestination {
  return wholeLines(nodeDestination(config));
}
