import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { compress as streamCompress } from "hono/compress";
import { createMiddleware } from "hono/factory";

/** Below this a compressed body saves no packet (one TCP segment either way) and costs CPU. */
export const COMPRESS_MIN_BYTES = 1024;
/** JSON up to this size is compressed in one synchronous call (well under a millisecond); larger streams. */
export const SYNC_MAX_BYTES = 256 * 1024;

/** Brotli at quality 4: about gzip's ratio on JSON at a fraction of the CPU of brotli's default (11). */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

function pick(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const offered = acceptEncoding.toLowerCase();
  if (/\bbr\b(?!;q=0(\.0+)?\b)/.test(offered)) return "br";
  if (/\bgzip\b(?!;q=0(\.0+)?\b)/.test(offered)) return "gzip";
  return null;
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
    const type = c.req.method === "HEAD" ? null : pick(c.req.header("accept-encoding"));
    await streaming(c, async () => {
      await next();
      const res = c.res;
      if (!type || res.status === 204 || res.status === 206 || res.status === 304 || res.headers.has("content-encoding")) return;
      if (!res.headers.get("content-type")?.startsWith("application/json") || !res.body) return;
      if (Number(res.headers.get("content-length") ?? 0) > SYNC_MAX_BYTES) return;
      const body = Buffer.from(await res.arrayBuffer());
      const headers = new Headers(res.headers);
      if (body.byteLength < COMPRESS_MIN_BYTES || body.byteLength > SYNC_MAX_BYTES) {
        // Small: sent as is (the length tells the streaming compressor to leave it). Large: streamed after all.
        if (body.byteLength < COMPRESS_MIN_BYTES) headers.set("content-length", String(body.byteLength));
        c.res = new Response(body, { status: res.status, headers });
        return;
      }
      headers.append("Vary", "Accept-Encoding");
      const packed = type === "br" ? brotliCompressSync(body, BROTLI) : gzipSync(body, { level: 5 });
      headers.set("content-encoding", type);
      headers.set("content-length", String(packed.byteLength));
      c.res = new Response(packed, { status: res.status, headers });
    });
  });
}
