import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { setResponseHeader } from "./response-headers";

/**
 * The app shell's one inline script (client/app.html: the saved theme applied before first paint, and whether a
 * prerendered page's markup may show; without a
 * request that would block rendering), allowed by its hash. Any other inline script is still refused;
 * server/test/csp-inline.test.ts fails when the script and this hash part ways.
 */
export const APP_SHELL_THEME_SCRIPT_HASH = "'sha256-arBnGyv4u7kGR2e3zxDa3dyMK0wLw4otO9qjMVRBe64='";

/**
 * The landing's one inline script (client/index.html: the saved theme applied before first paint — inline because a
 * file was one more request before the first paint), allowed by its hash; checked by the same test.
 */
export const LANDING_THEME_SCRIPT_HASH = "'sha256-/1HIvj2Ego9X1IjJrr16+KruBE3f/RZNC9r8VoTUUwI='";

/**
 * Security headers for every response. The CSP allows no inline scripts but the theme bootstraps of the app shell
 * and the landing (by hash), and the SPA loads only same-origin code. Images may be
 * blob:/data: (offline cache, ThumbHash).
 */
export function securityHeaders(opts: { isProduction: boolean; fileOrigin?: string }) {
  // With S3 signed URLs, file routes redirect to the bucket (or its CDN): pictures, videos and the service
  // worker's fetches of them come from that origin — only when configured.
  const files = opts.fileOrigin ? ` ${opts.fileOrigin}` : "";
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${APP_SHELL_THEME_SCRIPT_HASH} ${LANDING_THEME_SCRIPT_HASH}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${files}`,
    ...(files ? [`media-src 'self'${files}`] : []),
    "font-src 'self' data:",
    `connect-src 'self'${files}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  // A public share page (/s/:token) is read-only and meant to be embedded (the share dialog's iframe snippet).
  const embeddable = csp.replace("frame-ancestors 'none'", "frame-ancestors *");
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const isSharePage = /^\/s\/[^/]+\/?$/.test(c.req.path);
    const set = (name: string, value: string) => setResponseHeader(c, name, value);
    set("Content-Security-Policy", isSharePage ? embeddable : csp);
    set("X-Content-Type-Options", "nosniff");
    set("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!isSharePage) set("X-Frame-Options", "DENY");
    set("Cross-Origin-Opener-Policy", "same-origin");
    set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (opts.isProduction) set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  });
}
