import { Readable } from "node:stream";
import type { Context } from "hono";
import type { AppEnv } from "../../context";
import { notFound } from "../../lib/errors";
import { type ByteRange, RangeNotSatisfiableError, type Storage } from "../../storage";

/**
 * Serving stored objects over HTTP: conditional GET (ETag / If-None-Match → 304), single byte ranges (206 / 416)
 * with If-Range, and streamed bodies. Multi-range requests get the whole object (allowed by RFC 9110).
 */

export interface ServeOptions {
  cacheControl: string;
  contentType?: string;
  /** Content-Disposition value, e.g. `attachment; filename="x.png"`. */
  disposition?: string;
  ranges: boolean;
}

/** `"abc"`, `W/"abc"`, lists and `*` (weak comparison, as RFC 9110 asks for If-None-Match). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

type Parsed = { kind: "none" } | { kind: "range"; start: number; end?: number } | { kind: "suffix"; length: number } | { kind: "invalid" };

export function parseRange(header: string | undefined): Parsed {
  if (!header) return { kind: "none" };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(",") || !header.startsWith("bytes=") ? { kind: "none" } : { kind: "invalid" };
  const [, a, b] = m;
  if (!a && !b) return { kind: "invalid" };
  if (!a) return Number(b) > 0 ? { kind: "suffix", length: Number(b) } : { kind: "invalid" };
  const start = Number(a);
  const end = b ? Number(b) : undefined;
  if (end !== undefined && end < start) return { kind: "invalid" };
  return { kind: "range", start, end };
}

function rangeFor(c: Context, head: { etag: string; size: number }): ByteRange | "unsatisfiable" | undefined {
  const parsed = parseRange(c.req.header("range"));
  if (parsed.kind === "none") return undefined;
  const ifRange = c.req.header("if-range");
  if (ifRange && ifRange !== head.etag) return undefined; // the client's copy is stale: send it all
  if (parsed.kind === "invalid" || head.size === 0) return "unsatisfiable";
  if (parsed.kind === "range") return parsed.start >= head.size ? "unsatisfiable" : { start: parsed.start, end: parsed.end };
  return { start: Math.max(0, head.size - parsed.length) };
}

function baseHeaders(etag: string | undefined, lastModified: Date | undefined, opts: ServeOptions): Record<string, string> {
  const h: Record<string, string> = { "Cache-Control": opts.cacheControl, Vary: "Cookie" };
  if (etag) h.ETag = etag;
  if (lastModified) h["Last-Modified"] = lastModified.toUTCString();
  if (opts.ranges) h["Accept-Ranges"] = "bytes";
  if (opts.disposition) h["Content-Disposition"] = opts.disposition;
  return h;
}

/**
 * With S3 signed URLs on, a `302` to a short-lived presigned URL for `key` (the store then answers ranges and
 * conditional requests itself, with the route's Cache-Control, type and disposition); undefined otherwise. Call it
 * only once the route has admitted the caller: the URL opens the object for anyone holding it until it expires.
 * The redirect itself is never cached, so every later request passes the route's checks again.
 */
async function redirectToSigned(c: Context, storage: Storage, key: string, opts: ServeOptions): Promise<Response | undefined> {
  const url = await storage.signedUrl?.(key, {
    now: (c as Context<AppEnv>).get("deps").clock.now(),
    responseHeaders: { cacheControl: opts.cacheControl, contentType: opts.contentType, contentDisposition: opts.disposition },
  });
  if (!url) return undefined;
  return c.body(null, 302, { Location: url, "Cache-Control": "private, no-store", Vary: "Cookie" });
}

/** Streams `key`. Conditional and range requests look at the object's metadata first; plain GETs read once. */
export async function serveObject(c: Context, storage: Storage, key: string, opts: ServeOptions): Promise<Response> {
  const redirect = await redirectToSigned(c, storage, key, opts);
  if (redirect) return redirect;
  let range: ByteRange | undefined;
  const conditional = c.req.header("if-none-match") !== undefined || (opts.ranges && c.req.header("range") !== undefined);
  if (conditional) {
    const head = await storage.head(key);
    if (!head) throw notFound("imageFile");
    const base = baseHeaders(head.etag, head.lastModified, opts);
    if (etagMatches(c.req.header("if-none-match"), head.etag)) return c.body(null, 304, base);
    const wanted = opts.ranges ? rangeFor(c, head) : undefined;
    if (wanted === "unsatisfiable") return c.body(null, 416, { ...base, "Content-Range": `bytes */${head.size}` });
    range = wanted;
  }
  let obj;
  try {
    obj = await storage.get(key, range ? { range } : undefined);
  } catch (err) {
    if (err instanceof RangeNotSatisfiableError) return c.body(null, 416, { ...baseHeaders(undefined, undefined, opts), "Content-Range": `bytes */${err.size ?? "*"}` });
    throw err;
  }
  if (!obj) throw notFound("imageFile");
  const headers = { ...baseHeaders(obj.etag, obj.lastModified, opts), "Content-Type": opts.contentType ?? obj.contentType };
  const body = Readable.toWeb(obj.body) as ReadableStream;
  if (obj.range) {
    const length = obj.range.end - obj.range.start + 1;
    return c.body(body, 206, { ...headers, "Content-Length": String(length), "Content-Range": `bytes ${obj.range.start}-${obj.range.end}/${obj.size}` });
  }
  return c.body(body, 200, { ...headers, "Content-Length": String(obj.size) });
}

/** `attachment; filename="…"; filename*=UTF-8''…` (names are ASCII already; the star form is for strict clients). */
export const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
