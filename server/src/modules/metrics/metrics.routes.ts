import { createHash, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { metricsFor } from "./metrics.registry";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** True when `header` is `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

/** GET /metrics — Prometheus text format, for a scraper holding METRICS_TOKEN; a 404 while no token is set. */
export const metricsRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const deps = c.get("deps");
  const token = deps.env.METRICS_TOKEN;
  if (!token) throw notFound("Page");
  if (!bearerMatches(c.req.header("authorization"), token)) {
    c.header("WWW-Authenticate", 'Bearer realm="metrics"');
    throw new AppError("UNAUTHORIZED", "A valid metrics token is required");
  }
  const registry = metricsFor(deps).registry;
  c.header("Cache-Control", "no-store");
  return c.body(await registry.metrics(), 200, { "Content-Type": registry.contentType });
});
