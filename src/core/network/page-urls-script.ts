import { parseUrl } from '../parse-url';

/** Frames' answers read: a page can nest hundreds of frames (ads), each one more site at most. */
export const MAX_PAGE_FRAMES = 64;
/** Resource entries read per frame (the browser's own buffer holds 250 unless the page raises it). */
export const MAX_FRAME_RESOURCES = 500;
/** A URL longer than this is cut in the page and dropped here: a host is at most 253 characters. */
export const MAX_PAGE_URL_CHARS = 2_048;
/** Origins kept from one read of the whole page. */
export const MAX_PAGE_ORIGINS = 1_000;
/** How long a frame still loading is waited for before it answers with what it has (a page may never finish). */
export const MAX_PAGE_LOAD_WAIT_MS = 10_000;

/**
 * Runs in each frame of the page (`scripting.executeScript` with `allFrames`): the frame's own URL and the origins
 * of the subresources it loaded (`performance.getEntriesByType('resource')`: scripts, images, fetches, and the
 * frames it embeds). A frame still loading answers at its `load` (at most `maxWaitMs` later): an embedded frame is
 * a resource entry only once it has loaded, so a read right after a navigation would miss the page's iframes.
 * Self-contained (no closure, no import), because it crosses over as source; it runs in the extension's isolated
 * world, out of reach of the page's own globals. Every access is guarded; what comes back is checked again by
 * pageUrlsOf, since the page chose every URL in it.
 */
export async function readPageUrlsInPage(maxResources: number, maxChars: number, maxWaitMs: number): Promise<unknown> {
  try {
    if (document.readyState !== 'complete') {
      await new Promise<void>((resolve) => {
        addEventListener('load', () => resolve(), { once: true });
        setTimeout(resolve, maxWaitMs);
      });
    }
  } catch {
    // No document to wait for: answer now.
  }
  let href = '';
  try {
    href = String(location.href).slice(0, maxChars);
  } catch {
    // An opaque frame: its resources still say where it went.
  }
  const resources: string[] = [];
  try {
    const seen = new Set<string>();
    const entries = performance.getEntriesByType('resource');
    const n = Math.min(entries.length, maxResources);
    for (let i = 0; i < n; i++) {
      const name = entries[i]?.name;
      if (typeof name !== 'string') continue;
      let origin: string;
      try {
        origin = new URL(name.slice(0, maxChars)).origin;
      } catch {
        continue;
      }
      if (!seen.has(origin)) {
        seen.add(origin);
        resources.push(origin);
      }
    }
  } catch {
    // No Performance API in this frame: its own URL still counts.
  }
  return { href, resources };
}

/** The arguments readPageUrlsInPage is called with. */
export const READ_PAGE_URLS_ARGS: [number, number, number] = [
  MAX_FRAME_RESOURCES,
  MAX_PAGE_URL_CHARS,
  MAX_PAGE_LOAD_WAIT_MS,
];

/** The http(s) origin of `value`, or undefined for anything else (not a string, too long, another scheme). */
function httpOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_PAGE_URL_CHARS) return undefined;
  const url = parseUrl(value);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return url.origin;
}

/**
 * The answers of readPageUrlsInPage in every frame, checked: the http(s) origins of the frames and of what they
 * loaded, each once, in the order met (the top frame first), at most MAX_PAGE_ORIGINS. Anything that is not such
 * an answer is skipped, never thrown on.
 */
export function pageUrlsOf(frames: unknown): string[] {
  if (!Array.isArray(frames)) return [];
  const out = new Set<string>();
  const add = (value: unknown): void => {
    if (out.size >= MAX_PAGE_ORIGINS) return;
    const origin = httpOrigin(value);
    if (origin !== undefined) out.add(origin);
  };
  for (const frame of frames.slice(0, MAX_PAGE_FRAMES)) {
    if (typeof frame !== 'object' || frame === null) continue;
    const { href, resources } = frame as { href?: unknown; resources?: unknown };
    add(href);
    if (Array.isArray(resources)) for (const r of resources.slice(0, MAX_FRAME_RESOURCES)) add(r);
  }
  return [...out];
}
