import { commentTextSchema, duplicatesQuerySchema, trashSettingsSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as comments from "./comments.service";
import { facets } from "./facets.service";
import { ID, idParam } from "./images.params";
import { imageScope } from "../teams/teams.access";
import * as similar from "./similar.service";
import * as trash from "./trash.service";

const commentParam = idParam.extend({ commentId: z.uuid() });
const similarQuery = z.object({
  threshold: z.coerce.number().int().min(0).max(24).default(similar.SIMILAR_THRESHOLD),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

/** Comments, similar/related images, duplicate review and the trash retention setting. */
export const imageExtraRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/facets", async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json(await facets(ctxOf(c)));
  })
  .get("/duplicates", validate("query", duplicatesQuerySchema), async (c) => c.json(await similar.duplicates(ctxOf(c), c.req.valid("query"))))
  .get("/trash/settings", async (c) => c.json(await trash.getSettings(ctxOf(c))))
  .put("/trash/settings", validate("json", trashSettingsSchema), async (c) => c.json(await trash.setSettings(ctxOf(c), c.req.valid("json"))))
  .get(`/${ID}/similar`, validate("param", idParam), validate("query", similarQuery), async (c) => {
    const q = c.req.valid("query");
    const id = c.req.valid("param").id;
    return c.json({ items: await similar.similar(await imageScope(ctxOf(c), id, "viewer"), id, q.threshold, q.limit) });
  })
  .get(`/${ID}/related`, validate("param", idParam), async (c) => {
    const id = c.req.valid("param").id;
    return c.json(await similar.related(await imageScope(ctxOf(c), id, "viewer"), id));
  })
  .get(`/${ID}/comments`, validate("param", idParam), async (c) => c.json({ items: await comments.list(ctxOf(c), c.req.valid("param").id) }))
  .post(`/${ID}/comments`, validate("param", idParam), validate("json", commentTextSchema), async (c) =>
    c.json(await comments.add(ctxOf(c), c.req.valid("param").id, c.req.valid("json").text), 201),
  )
  .put(`/${ID}/comments/:commentId`, validate("param", commentParam), validate("json", commentTextSchema), async (c) => {
    const { id, commentId } = c.req.valid("param");
    return c.json(await comments.edit(ctxOf(c), id, commentId, c.req.valid("json").text));
  })
  .delete(`/${ID}/comments/:commentId`, validate("param", commentParam), async (c) => {
    const { id, commentId } = c.req.valid("param");
    await comments.remove(ctxOf(c), id, commentId);
    return c.json({ ok: true });
  });
