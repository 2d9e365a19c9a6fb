import { createMiddleware } from "hono/factory";
import { msg } from "../i18n/api";
import type { AppEnv } from "../context";
import { AppError } from "../lib/errors";
import { requestOrigin, trustedOrigins } from "./origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Rejects cross-site writes that carry cookies. Browsers label every request with Origin and/or
 * Sec-Fetch-Site; a write from another site is refused. Requests without either header come from
 * non-browser clients (curl, tests, the CLI), which cannot be driven by a malicious page. Requests without
 * cookies can't act as anyone, so they pass (webhooks, sign-in forms handled by Better Auth's own checks).
 * Same-origin writes (Origin equals the request's own scheme and host) always pass, whatever address the app
 * was opened at; APP_URL's origin is trusted too.
 */
export function crossSiteGuard(appUrl: string, trustProxy: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !c.req.header("cookie")) return next();
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const crossSite =
      (site !== undefined && site !== "same-origin" && site !== "none") ||
      (origin !== undefined && !trustedOrigins(appUrl, requestOrigin(c, trustProxy)).includes(origin));
    if (crossSite) {
      throw new AppError("FORBIDDEN", msg("request.crossSite"), {
        reason: "CROSS_SITE_REQUEST",
      });
    }
    return next();
  });
}
