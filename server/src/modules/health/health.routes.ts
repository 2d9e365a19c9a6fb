import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { checkHealth } from "./health.service";

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const health = await checkHealth(c.get("deps"));
  c.header("Cache-Control", "no-store");
  return c.json(health, health.status === "ok" ? 200 : 503);
});
