import { findNul, LIMITS, NUL_MESSAGE } from "@image-studio/shared";
import { msg, type ApiMessage } from "../i18n/api";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { AppError } from "../lib/errors";

/**
 * The input guard every /api request passes before any route sees it:
 *  - body size by kind: multipart (uploads, avatars) up to their own limit, anything else (JSON, forms) up to
 *    LIMITS.jsonBodyMaxBytes unless a route is listed with a larger allowance;
 *  - no U+0000 in the URL (path or query) nor in any string or key of a JSON or form body;
 *  - JSON bodies parse, and nest at most LIMITS.jsonMaxDepth levels (checked before parsing).
 * Each failure is a 4xx in the product's error body, so nothing malformed reaches a service or the database.
 */

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json/i;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface BodyLimitOptions {
  /** Limit for multipart/form-data bodies. */
  multipartMaxBytes: number;
  /** Limit for every other body. */
  otherMaxBytes: number;
  /** Exact paths allowed a larger body of any kind (the route then applies its own, tighter check). */
  larger?: Record<string, number>;
}

const tooLarge = (max: number) => () => {
  throw new AppError("PAYLOAD_TOO_LARGE", msg("request.tooLarge", { max: formatBytes(max) }));
};
const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);

/** Body size limits by content kind. */
export function bodyLimits(opts: BodyLimitOptions) {
  const limiter = (max: number) => bodyLimit({ maxSize: max, onError: tooLarge(max) });
  const multipart = limiter(opts.multipartMaxBytes);
  const other = limiter(opts.otherMaxBytes);
  const larger = new Map(Object.entries(opts.larger ?? {}).map(([path, max]) => [path, limiter(max)]));
  return createMiddleware<AppEnv>(async (c, next) => {
    // GET and HEAD carry no body. Asking for `c.req.raw.body` (Hono's bodyLimit does, first thing) makes the Node
    // adapter build a full WHATWG Request — headers copy, AbortController — on every request: skip it for them.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const type = c.req.header("content-type") ?? "";
    const big = larger.get(c.req.path);
    if (big) return big(c, next);
    if (/^multipart\/form-data/i.test(type)) return multipart(c, next);
    return other(c, next);
  });
}

const invalid = (message: ApiMessage, path: (string | number)[] = []) =>
  new AppError("VALIDATION_FAILED", message, { issues: [{ path, message }] });

/** Deepest `[`/`{` nesting of JSON text, strings skipped; stops counting once past `max`. */
export function textDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > max) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

function checkUrl(c: Context<AppEnv>) {
  const url = c.req.url;
  const rest = url.slice(url.indexOf("/", url.indexOf("//") + 2));
  if (/%00/.test(rest) || rest.includes("\0")) throw invalid(NUL_MESSAGE, ["query"]);
}

function checkJson(text: string) {
  if (textDepthExceeds(text, LIMITS.jsonMaxDepth))
    throw invalid(msg("request.tooDeep", { max: LIMITS.jsonMaxDepth }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", msg("request.notJson"));
  }
  const nul = findNul(value);
  if (nul) throw invalid(`${nul.join(".") || "body"}: ${NUL_MESSAGE}`, nul);
}

function checkForm(text: string) {
  for (const [k, v] of new URLSearchParams(text)) {
    if (k.includes("\0") || v.includes("\0")) throw invalid(`${k.replace(/\0/g, "")}: ${NUL_MESSAGE}`, [k]);
  }
}

/** Refuses NUL in URLs and bodies, malformed and over-deep JSON. Runs after `bodyLimits`. */
export const inputGuard = createMiddleware<AppEnv>(async (c, next) => {
  checkUrl(c);
  const type = c.req.header("content-type") ?? "";
  const isJson = JSON_TYPE.test(type);
  const isForm = /^application\/x-www-form-urlencoded/i.test(type);
  const isText = /^text\/plain/i.test(type);
  if (!BODY_METHODS.has(c.req.method) || !c.req.raw.body || !(isJson || isForm || isText)) return next();
  // Read the raw request once and hand routes (and Better Auth, which reads the raw request) the same bytes.
  // Not through c.req's body cache: a form re-read from that cache would lose its content type.
  const bytes = await c.req.raw.arrayBuffer();
  c.req.raw = new Request(c.req.raw, { body: bytes });
  const text = new TextDecoder().decode(bytes);
  if (isJson && text.trim()) checkJson(text);
  else if (isForm) checkForm(text);
  else if (text.includes("\0")) throw invalid(NUL_MESSAGE);
  return next();
});
