import {
  promptCreateSchema,
  promptFavoriteRequestSchema,
  promptHistoryQuerySchema,
  promptUpdateSchema,
  publicPromptQuerySchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireAdmin, requireUser } from "../../middleware/require-user";
import { variantKey } from "../../storage/keys";
import { serveObject } from "../images/images.http";
import * as community from "./prompts.community";
import * as svc from "./prompts.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const idParam = z.object({ id: z.uuid().transform((s) => s.toLowerCase()) });
/** Copy: an optional client-minted id for the new prompt, so a retried copy makes one prompt. */
const copyBody = z.object({ id: z.uuid().transform((s) => s.toLowerCase()).optional() }).strict();
const searchQuery = z.object({ q: z.string().trim().min(1, "Type something to search for").max(200), limit: z.coerce.number().int().min(1).max(100).default(20) });

/** /api/prompts — the prompt library. Anonymous is 401; someone else's prompt is a 404. */
export const promptRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => c.json({ items: await svc.list(ctxOf(c)) }))
  .get("/categories", async (c) => c.json(await community.categories(ctxOf(c))))
  .get("/history", validate("query", promptHistoryQuerySchema), async (c) => c.json({ items: await community.history(ctxOf(c), c.req.valid("query")) }))
  .get("/stats", async (c) => c.json({ items: await community.stats(ctxOf(c)) }))
  .get("/public", validate("query", publicPromptQuerySchema), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json(await community.listPublic(ctxOf(c), c.req.valid("query")));
  })
  .get(`/public/${ID}/example`, validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    const ex = await community.exampleOf(ctx, c.req.valid("param").id);
    // Short and private: unpublishing (or trashing the picture) takes it off at once.
    return serveObject(c, ctx.deps.storage, variantKey(ex.ownerId, ex.imageId, "preview-768.webp"), { cacheControl: "private, max-age=60", ranges: false, contentType: "image/webp" });
  })
  .post(`/${ID}/favorite`, validate("param", idParam), validate("json", promptFavoriteRequestSchema), async (c) =>
    c.json(await community.favorite(ctxOf(c), c.req.valid("param").id, c.req.valid("json").favorite)),
  )
  .post(`/${ID}/copy`, validate("param", idParam), validate("json", copyBody), async (c) => {
    const { prompt, created } = await community.copy(ctxOf(c), c.req.valid("param").id, c.req.valid("json").id);
    return c.json(prompt, created ? 201 : 200);
  })
  .post("/", validate("json", promptCreateSchema), async (c) => {
    const { prompt, created } = await svc.create(ctxOf(c), c.req.valid("json"));
    return c.json(prompt, created ? 201 : 200);
  })
  .get(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.get(ctxOf(c), c.req.valid("param").id)))
  .put(`/${ID}`, validate("param", idParam), validate("json", promptUpdateSchema), async (c) =>
    c.json(await svc.update(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.remove(ctxOf(c), c.req.valid("param").id)));

/** GET /api/search/prompts — the seed's prompt search: the caller's library (ranked) and their history. */
export const promptSearchRoutes = new Hono<AppEnv>().get("/prompts", requireUser, validate("query", searchQuery), async (c) => {
  const { q, limit } = c.req.valid("query");
  return c.json(await community.search(ctxOf(c), q, limit));
});

/** /api/admin/prompts — moderation of the community list. */
export const adminPromptRoutes = new Hono<AppEnv>().post(`/${ID}/unpublish`, requireAdmin, validate("param", idParam), async (c) =>
  c.json(await community.unpublish(ctxOf(c), c.req.valid("param").id)),
);
