import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { storageUsage } from "./storage-usage.service";

/** GET /api/usage/storage — bytes and counts, in total, in the trash, by project and by model. */
export const storageUsageRoutes = new Hono<AppEnv>().get("/storage", requireUser, async (c) =>
  c.json(await storageUsage(ctxOf(c))),
);
