import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes, routePath } from "hono/route";
import type { AppEnv, Deps } from "../../context";
import { metricsFor } from "./metrics.registry";

const SYNC = /^\/api\/sync\/(push|pull)$/;

/**
 * The pattern of the route that answers this method and path: the first matched one that is not middleware —
 * also when a middleware (sign-in required) answered before it ran. Unmatched paths get the catch-all's pattern.
 */
function routeOf(c: Context<AppEnv>): string {
  return withoutPatterns(matchedRoutes(c).find((r) => r.method !== "ALL")?.path ?? (routePath(c) || "unmatched"));
}

/** `/api/images/:id{[0-9a-f-]{36}}` → `/api/images/:id`: the parameter's regex is noise on a dashboard. */
export function withoutPatterns(path: string): string {
  let out = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * Counts and times every request by its route pattern (`/api/images/:id`, never the raw path, so the series
 * stay few). Unmatched paths fall under the catch-all's pattern.
 */
export function httpMetrics(deps: Deps) {
  const m = metricsFor(deps);
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = routeOf(c);
      const status = String(c.res.status);
      m.httpRequests.inc({ method: c.req.method, route, status });
      m.httpDuration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
      const sync = SYNC.exec(route);
      if (sync) m.syncRequests.inc({ direction: sync[1]!, status });
    }
  });
}
