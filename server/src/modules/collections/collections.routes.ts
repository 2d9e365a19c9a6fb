import {
  collectionAddImagesSchema,
  collectionCreateSchema,
  collectionReorderSchema,
  collectionUpdateSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as svc from "./collections.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const lower = z.uuid().transform((s) => s.toLowerCase());
const idParam = z.object({ id: lower });
const imageParam = z.object({ id: lower, imageId: lower });

/** /api/collections — anonymous is 401; someone else's collection (or image) is a 404. */
export const collectionRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => c.json({ items: await svc.list(ctxOf(c)) }))
  .post("/", validate("json", collectionCreateSchema), async (c) => {
    const { collection, created } = await svc.create(ctxOf(c), c.req.valid("json"));
    return c.json(collection, created ? 201 : 200);
  })
  .get(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.get(ctxOf(c), c.req.valid("param").id)))
  .put(`/${ID}`, validate("param", idParam), validate("json", collectionUpdateSchema), async (c) =>
    c.json(await svc.update(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete(`/${ID}`, validate("param", idParam), async (c) =>
    c.json(await svc.remove(ctxOf(c), c.req.valid("param").id)),
  )
  .post(`/${ID}/images`, validate("param", idParam), validate("json", collectionAddImagesSchema), async (c) =>
    c.json(await svc.addImages(ctxOf(c), c.req.valid("param").id, c.req.valid("json").imageIds)),
  )
  .delete(`/${ID}/images/:imageId`, validate("param", imageParam), async (c) => {
    const { id, imageId } = c.req.valid("param");
    return c.json(await svc.removeImage(ctxOf(c), id, imageId));
  })
  .put(`/${ID}/reorder`, validate("param", idParam), validate("json", collectionReorderSchema), async (c) => {
    const { imageId, afterImageId } = c.req.valid("json");
    return c.json(await svc.reorder(ctxOf(c), c.req.valid("param").id, imageId, afterImageId));
  });
