import { notificationListQuerySchema, notificationPreferencesSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { requestLanguage } from "../../i18n/request";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as notifications from "./notifications.service";

const idParam = z.object({ id: z.uuid("Notification ids are UUIDs") });

/** /api/notifications — the signed-in user's bell. */
export const notificationRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .get("/", validate("query", notificationListQuerySchema), async (c) => c.json(await notifications.list(ctxOf(c), c.req.valid("query"), requestLanguage(c))))
  .get("/unread-count", async (c) => c.json(await notifications.unreadCount(ctxOf(c))))
  .get("/preferences", async (c) => c.json(await notifications.getPreferences(ctxOf(c))))
  .put("/preferences", validate("json", notificationPreferencesSchema), async (c) => c.json(await notifications.putPreferences(ctxOf(c), c.req.valid("json"))))
  .post("/read-all", async (c) => c.json(await notifications.markAllRead(ctxOf(c))))
  .post("/:id/read", validate("param", idParam), async (c) => c.json(await notifications.markRead(ctxOf(c), c.req.valid("param").id, requestLanguage(c))))
  .delete("/:id", validate("param", idParam), async (c) => c.json(await notifications.remove(ctxOf(c), c.req.valid("param").id)));
