import type { Context } from "hono";

/**
 * Sets a header on the response the route made, in place. Hono's `c.header()` after the route has answered rebuilds
 * the Response around its body (`new Response(res.body, res)`): the Node adapter's lightweight Response then
 * becomes a full WHATWG one whose body is a stream, per call — on every answer, more CPU than the small JSON answers
 * themselves, and the body is then written out through the stream (docs/decisions/performance.md). A response
 * whose headers are immutable (one passed on from `fetch()`) gets `c.header()`'s copy.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

/**
 * Replaces the route's response with `res` as it is. Assigning `c.res` while one is set makes Hono copy the old
 * one's headers over a rebuilt (streamed) copy of the new one; the caller has already put every header it keeps
 * on `res`.
 */
export function replaceResponse(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}
