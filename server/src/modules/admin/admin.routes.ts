import {
  adjustCreditsRequestSchema,
  adminUpdateUserSchema,
  adminUsersQuerySchema,
  banUserRequestSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireAdmin } from "../../middleware/require-user";
import * as admin from "./admin.service";

const idParam = z.object({ id: z.uuid("User ids are UUIDs") });

/** /api/admin/users* and /api/admin/stats — administrators only. */
export const adminUserRoutes = new Hono<AppEnv>()
  .get("/users", requireAdmin, validate("query", adminUsersQuerySchema), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await admin.listUsers(ctxOf(c), c.req.valid("query")));
  })
  .get("/users/:id", requireAdmin, validate("param", idParam), async (c) =>
    c.json(await admin.getUser(ctxOf(c), c.req.valid("param").id)),
  )
  .patch("/users/:id", requireAdmin, validate("param", idParam), validate("json", adminUpdateUserSchema), async (c) =>
    c.json(await admin.updateUser(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .post("/users/:id/ban", requireAdmin, validate("param", idParam), validate("json", banUserRequestSchema), async (c) =>
    c.json(await admin.ban(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .post("/users/:id/unban", requireAdmin, validate("param", idParam), async (c) =>
    c.json(await admin.unban(ctxOf(c), c.req.valid("param").id)),
  )
  .post(
    "/users/:id/credits",
    requireAdmin,
    validate("param", idParam),
    validate("json", adjustCreditsRequestSchema),
    async (c) => c.json(await admin.adjustCredits(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .get("/stats", requireAdmin, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await admin.stats(ctxOf(c)));
  });
