import { adminJobsQuerySchema, auditLogQuerySchema, usageOverviewQuerySchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireAdmin } from "../../middleware/require-user";
import * as consoleService from "./admin.console.service";
import * as admin from "./admin.service";

const userId = z.object({ id: z.uuid("User ids are UUIDs") });
const jobId = z.object({ id: z.uuid("Job ids are UUIDs") });

/** /api/admin/* beyond users and stats: usage overview, audit log, the job queue across users, deleting users. */
export const adminConsoleRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .get("/usage-overview", validate("query", usageOverviewQuerySchema), async (c) => c.json(await consoleService.usageOverview(ctxOf(c), c.req.valid("query").days)))
  .get("/audit-log", validate("query", auditLogQuerySchema), async (c) => c.json(await consoleService.auditLog(ctxOf(c), c.req.valid("query"))))
  .get("/jobs", validate("query", adminJobsQuerySchema), async (c) => c.json(await consoleService.jobs(ctxOf(c), c.req.valid("query"))))
  .post("/jobs/:id/cancel", validate("param", jobId), async (c) => c.json(await consoleService.cancelJob(ctxOf(c), c.req.valid("param").id)))
  .post("/jobs/:id/retry", validate("param", jobId), async (c) => c.json(await consoleService.retryJob(ctxOf(c), c.req.valid("param").id), 202))
  .get("/users/:id/usage", validate("param", userId), async (c) => c.json(await admin.userUsage(ctxOf(c), c.req.valid("param").id)))
  .delete("/users/:id", validate("param", userId), async (c) => c.json(await admin.deleteUser(ctxOf(c), c.req.valid("param").id)));
