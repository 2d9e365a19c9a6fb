import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { compress as streamCompress } from "hono/compress";
import { createMiddleware } from "hono/factory";
import { replaceResponse } from "./response-headers";

/** Below this a compressed body saves no packet (one TCP segment either way) and costs CPU. */
export const COMPRESS_MIN_BYTES = 1024;
/** JSON up to this size is compressed in one synchronous call (well under a millisecond); larger streams. */
export const SYNC_MAX_BYTES = 256 * 1024;

/**
 * Brotli at quality 2: on a 50-image gallery page (27 KB of JSON) it is about 2× cheaper than quality 4 for ~3 %
 * more bytes (2.6 vs 2.5 KB), and still smaller than gzip at any level (docs/decisions/performance.md, round 3).
 */
const BROTLI_QUALITY = 2;
const brotliOptions = (size: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

/** The encoding to answer with for this Accept-Encoding: Brotli when offered, else gzip, else none. */
export function preferredEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const offered = acceptEncoding.toLowerCase();
  if (/\bbr\b(?!;q=0(\.0+)?\b)/.test(offered)) return "br";
  if (/\bgzip\b(?!;q=0(\.0+)?\b)/.test(offered)) return "gzip";
  return null;
}

type JsonFn = Context["json"];

/**
 * The text of each JSON answer made by `c.json`, keyed by its Response. Reading a response's body back
 * (`res.arrayBuffer()`, even `res.body`) makes the Node adapter turn its lightweight Response into a full WHATWG
 * one with a stream — per request, more CPU than compressing the page. Knowing the text, nothing is read back.
 */
const jsonText = new WeakMap<Response, string>();

function captureJson(c: Context): void {
  const json = c.json;
  // Hono's own `json` with the text kept: JSON.stringify, then `newResponse` with the JSON content type
  // unless the caller set one (what Hono's `setDefaultContentType` does).
  c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string | string[]>) => {
    const text = JSON.stringify(object);
    if (text === undefined) return json(object as never, arg as never, headers as never);
    const hasType = headers && Object.keys(headers).some((k) => k.toLowerCase() === "content-type");
    const res = c.newResponse(text, arg as never, hasType ? headers : { ...headers, "content-type": "application/json" });
    jsonText.set(res, text);
    return res;
  }) as JsonFn;
}

/**
 * An answer whose JSON text is made already (the gallery page: see images.service.ts `listJson`), sent as `c.json`
 * would send that value — same status, headers and content type — and compressed from the text like its answers.
 */
export function jsonTextResponse<T>(c: Context, text: string): Response & TypedResponse<JSONParsed<T>, 200, "json"> {
  const res = c.newResponse(text, 200, { "content-type": "application/json" });
  jsonText.set(res, text);
  return res as Response & TypedResponse<JSONParsed<T>, 200, "json">;
}

/** The JSON text of this response without reading its body, when `c.json` made it; else read (and rebuilt). */
async function bodyOf(res: Response): Promise<{ bytes: Buffer; rebuilt: boolean }> {
  const text = jsonText.get(res);
  if (text !== undefined) return { bytes: Buffer.from(text), rebuilt: false };
  return { bytes: Buffer.from(await res.arrayBuffer()), rebuilt: true };
}

/**
 * Response compression. JSON answers (nearly every API response) are compressed in one call on the whole body:
 * Hono's `compress()` pipes every response through a web CompressionStream, whose per-request stream setup cost
 * more CPU than the gallery query in the profile (docs/decisions/performance.md). Small bodies are sent as they
 * are; other compressible types (HTML, JS, CSS, streamed bodies) keep the streaming compressor.
 */
export function compress(): MiddlewareHandler {
  const streaming = streamCompress({ threshold: COMPRESS_MIN_BYTES });
  return createMiddleware(async (c, next) => {
    const type = c.req.method === "HEAD" ? null : preferredEncoding(c.req.header("accept-encoding"));
    if (type) captureJson(c);
    await streaming(c, async () => {
      await next();
      const res = c.res;
      if (!type || res.status === 204 || res.status === 206 || res.status === 304 || res.headers.has("content-encoding")) return;
      if (!res.headers.get("content-type")?.startsWith("application/json")) return;
      if (Number(res.headers.get("content-length") ?? 0) > SYNC_MAX_BYTES) return;
      if (!jsonText.has(res) && !res.body) return;
      const { bytes: body, rebuilt } = await bodyOf(res);
      if (body.byteLength < COMPRESS_MIN_BYTES || body.byteLength > SYNC_MAX_BYTES) {
        // Small: sent as is (the length tells the streaming compressor to leave it). Large: streamed after all.
        if (!rebuilt) {
          if (body.byteLength < COMPRESS_MIN_BYTES) res.headers.set("content-length", String(body.byteLength));
          return;
        }
        const headers = new Headers(res.headers);
        if (body.byteLength < COMPRESS_MIN_BYTES) headers.set("content-length", String(body.byteLength));
        replaceResponse(c, new Response(new Uint8Array(body), { status: res.status, headers })); // (a copy: DOM's BodyInit takes no Buffer)
        return;
      }
      const headers = new Headers(res.headers);
      headers.append("Vary", "Accept-Encoding");
      const packed = type === "br" ? brotliCompressSync(body, brotliOptions(body.byteLength)) : gzipSync(body, { level: 5 });
      headers.set("content-encoding", type);
      headers.set("content-length", String(packed.byteLength));
      replaceResponse(c, new Response(packed, { status: res.status, headers }));
    });
  });
}
