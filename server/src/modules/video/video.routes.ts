import { animateRequestSchema, frameRequestSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as iteration from "../iteration/iteration.service";
import { saveFrame } from "./frames.service";
import { animate } from "./video.service";

const idParam = z.object({ id: z.uuid("Image ids are UUIDs") });

/** /api/images/:id/animate (image → video job) and /api/images/:id/frames (video → a new image). */
export const videoRoutes = new Hono<AppEnv>()
  .post("/:id/animate", requireUser, validate("param", idParam), validate("json", animateRequestSchema), async (c) => {
    const ctx = ctxOf(c);
    const job = await animate(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await iteration.view(ctx, job), 202);
  })
  .post("/:id/frames", requireUser, validate("param", idParam), validate("json", frameRequestSchema), async (c) => {
    const { image, created } = await saveFrame(ctxOf(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(image, created ? 201 : 200);
  });
