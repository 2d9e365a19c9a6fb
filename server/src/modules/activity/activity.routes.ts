import { activityQuerySchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { requestLanguage } from "../../i18n/request";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { activity } from "./activity.service";

/** GET /api/activity — what the caller did lately (generated, iterated, shared, commented, batches finished). */
export const activityRoutes = new Hono<AppEnv>().get(
  "/",
  requireUser,
  validate("query", activityQuerySchema),
  async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await activity(ctxOf(c), c.req.valid("query").limit, requestLanguage(c)));
  },
);
