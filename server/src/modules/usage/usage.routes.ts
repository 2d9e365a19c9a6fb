import { usageDaysQuerySchema, usageMonthsQuerySchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as insights from "./insights.service";
import * as usage from "./usage.service";

/** /api/usage/* — the caller's figures: totals, by day, month, model and project, cost comparison, tips, model status. */
export const usageRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .get("/stats", async (c) => c.json(await usage.stats(ctxOf(c))))
  .get("/daily", validate("query", usageDaysQuerySchema), async (c) =>
    c.json(await usage.daily(ctxOf(c), c.req.valid("query").days)),
  )
  .get("/monthly", validate("query", usageMonthsQuerySchema), async (c) =>
    c.json(await usage.monthly(ctxOf(c), c.req.valid("query").months)),
  )
  .get("/by-model", async (c) => c.json(await usage.byModel(ctxOf(c))))
  .get("/by-project", async (c) => c.json(await usage.byProject(ctxOf(c))))
  .get("/compare", async (c) => c.json(await insights.compare(ctxOf(c))))
  .get("/tips", async (c) => c.json(await insights.tips(ctxOf(c))));
