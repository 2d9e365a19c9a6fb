import type { Liveness } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { checkHealth, checkReady } from "./health.service";

/**
 * GET /api/health — every component, the queue and live workers; 503 when degraded (a stalled queue included).
 * GET /api/health/live — the process answers; checks nothing else (a liveness probe restarts a hung process).
 * GET /api/health/ready — the database answers; 503 otherwise (a load balancer routes only to ready processes).
 */
export const healthRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const health = await checkHealth(c.get("deps"));
    c.header("Cache-Control", "no-store");
    return c.json(health, health.status === "ok" ? 200 : 503);
  })
  .get("/live", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) } satisfies Liveness, 200);
  })
  .get("/ready", async (c) => {
    const ready = await checkReady(c.get("deps"));
    c.header("Cache-Control", "no-store");
    return c.json(ready, ready.status === "ready" ? 200 : 503);
  });
