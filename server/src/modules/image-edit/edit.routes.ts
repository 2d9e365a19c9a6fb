import { imageEditRequestSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { edit } from "./edit.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const idParam = z.object({ id: z.uuid().transform((s) => s.toLowerCase()) });

/** POST /api/images/:id/edit — a new, edited version of the image (201; 200 when a retry finds it made). */
export const imageEditRoutes = new Hono<AppEnv>().post(`/${ID}/edit`, requireUser, validate("param", idParam), validate("json", imageEditRequestSchema), async (c) => {
  const { image, created } = await edit(ctxOf(c), c.req.valid("param").id, c.req.valid("json"));
  return c.json(image, created ? 201 : 200);
});
