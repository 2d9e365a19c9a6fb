import { createHash, timingSafeEqual } from "node:crypto";
import { msg } from "../../i18n/api";
import { Hono } from "hono";
import type { AppEnv, Deps } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { metricsFor } from "./metrics.registry";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** True when `header` is `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * The Prometheus text for a scraper holding METRICS_TOKEN: 404 while no token is set, 401 for a wrong one. Shared by
 * the API's GET /metrics and a standalone worker's health port.
 */
export async function scrape(deps: Deps, authorization: string | undefined) {
  const token = deps.env.METRICS_TOKEN;
  if (!token) return { status: 404 as const };
  if (!bearerMatches(authorization, token)) return { status: 401 as const };
  const registry = metricsFor(deps).registry;
  return { status: 200 as const, body: await registry.metrics(), contentType: registry.contentType };
}

/** GET /metrics — Prometheus text format, for a scraper holding METRICS_TOKEN; a 404 while no token is set. */
export const metricsRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const out = await scrape(c.get("deps"), c.req.header("authorization"));
  if (out.status === 404) throw notFound("page");
  if (out.status === 401) {
    c.header("WWW-Authenticate", 'Bearer realm="metrics"');
    throw new AppError("UNAUTHORIZED", msg("request.metricsToken"));
  }
  c.header("Cache-Control", "no-store");
  return c.body(out.body, 200, { "Content-Type": out.contentType });
});
