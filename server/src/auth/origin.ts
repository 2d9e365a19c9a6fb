import type { Context } from "hono";

/**
 * The header through which we hand Better Auth the request's own origin (its trustedOrigins function reads it).
 * Any incoming copy is dropped, so a client can't name its own trusted origin.
 */
export const OWN_ORIGIN_HEADER = "x-image-studio-own-origin";

const lastValue = (v: string | undefined) =>
  v
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);

/**
 * The origin (scheme://host[:port]) the browser addressed this request to: the URL the server saw (Host header,
 * TLS or not). Behind a trusted proxy (TRUST_PROXY=true), the scheme and host the proxy reports in
 * X-Forwarded-Proto / X-Forwarded-Host. undefined when that is not a valid http(s) origin.
 */
export function requestOrigin(c: Context, trustProxy: boolean): string | undefined {
  const url = new URL(c.req.url);
  let proto = url.protocol.slice(0, -1);
  let host = url.host;
  if (trustProxy) {
    proto = lastValue(c.req.header("x-forwarded-proto"))?.toLowerCase() ?? proto;
    host = lastValue(c.req.header("x-forwarded-host")) ?? host;
  }
  if (proto !== "http" && proto !== "https") return undefined;
  try {
    const origin = new URL(`${proto}://${host}`);
    return origin.host && origin.pathname === "/" && !origin.username ? origin.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Origins a browser write may come from: the public origin (APP_URL) and the request's own origin — a page
 * served by this server at any of its addresses (http://127.0.0.1:3000, http://192.168.1.20:3000 from a phone)
 * is same-origin with the requests it makes, never cross-site.
 */
export function trustedOrigins(appUrl: string, own: string | undefined): string[] {
  const app = new URL(appUrl).origin;
  return own && own !== app ? [app, own] : [app];
}
