import { SYNC_PUSH_MAX, syncPullQuerySchema, syncPushRequestSchema, syncSharedQuerySchema } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import { Hono } from "hono";
import { z } from "zod";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { pull } from "./sync.pull";
import { push } from "./sync.push";
import { sharedImages } from "./sync.shared";

const projectParam = z.object({ id: z.uuid("Project ids are UUIDs").transform((s) => s.toLowerCase()) });

/** Generous for SYNC_PUSH_MAX mutations of up to 1000 image ids each, far below the upload limit. */
export const PUSH_MAX_BYTES = SYNC_PUSH_MAX * 48 * 1024;

/** /api/sync — the offline sync protocol (shared/src/sync.ts). Anonymous is 401; only the caller's rows move (and
 * the images of projects shared with them, read through their team role). */
export const syncRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/pull", validate("query", syncPullQuerySchema), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await pull(ctxOf(c), c.req.valid("query")));
  })
  .get("/shared/:id{[0-9a-fA-F-]{36}}", validate("param", projectParam), validate("query", syncSharedQuerySchema), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await sharedImages(ctxOf(c), c.req.valid("param").id, c.req.valid("query")));
  })
  .post(
    "/push",
    bodyLimit({
      maxSize: PUSH_MAX_BYTES,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE", msg("sync.pushTooLarge", { max: SYNC_PUSH_MAX }));
      },
    }),
    validate("json", syncPushRequestSchema),
    async (c) => c.json(await push(ctxOf(c), c.req.valid("json").mutations)),
  );
