import { favoriteRequestSchema, type ImageList, imageListQuerySchema, imageUpdateSchema, rateRequestSchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { jsonTextResponse } from "../../middleware/compress";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { variantKey } from "../../storage/keys";
import { fileNameFor } from "./images.mapper";
import { attachment, serveObject } from "./images.http";
import * as repo from "./images.repo";
import * as images from "./images.service";
import { notFound } from "../../lib/errors";
import { fileParam, ID, idParam } from "./images.params";
import { privateDownload } from "../account-data/download-privacy";
import { imageScope } from "../teams/teams.access";


const IMMUTABLE = "private, max-age=31536000, immutable";
const ORIGINAL = "private, max-age=86400";

/** GET/PUT/DELETE of single images, their files, favourites, ratings, trash and restore. */
export const imageCoreRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", validate("query", imageListQuerySchema), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return jsonTextResponse<ImageList>(c, await images.listJson(ctxOf(c), c.req.valid("query")));
  })
  .get(`/download/${ID}`, validate("param", idParam), async (c) => {
    const ctx = await imageScope(ctxOf(c), c.req.valid("param").id, "viewer");
    const f = await repo.getFileFacts(ctx.db, ctx.user.id, c.req.valid("param").id);
    if (!f) throw notFound("image");
    // Settings → Privacy: "metadata in downloads" off serves the original without its embedded metadata.
    // Videos are served as stored: re-encoding would keep one frame of an animated WebP (and cannot read MP4).
    const stripped = f.mediaType === "video" ? null : await privateDownload(ctx, f);
    if (stripped)
      return c.body(new Uint8Array(stripped), 200, { "Content-Type": `image/${f.format === "jpg" ? "jpeg" : f.format}`, "Content-Disposition": attachment(fileNameFor(f)), "Cache-Control": "private, no-store" });
    return serveObject(c, ctx.deps.storage, f.filePath, { cacheControl: ORIGINAL, ranges: true, disposition: attachment(fileNameFor(f)) });
  })
  .get(`/${ID}`, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await images.get(await imageScope(ctxOf(c), id, "viewer"), id));
  })
  .put(`/${ID}`, validate("param", idParam), validate("json", imageUpdateSchema), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await images.update(await imageScope(ctxOf(c), id, "editor"), id, c.req.valid("json")));
  })
  .patch(`/${ID}`, validate("param", idParam), validate("json", imageUpdateSchema), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await images.update(await imageScope(ctxOf(c), id, "editor"), id, c.req.valid("json")));
  })
  .delete(`/${ID}`, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const ctx = await imageScope(ctxOf(c), id, "editor");
    await images.get(ctx, id);
    await images.trash(ctx, [id]);
    return c.json(await images.get(ctx, id));
  })
  .post(`/${ID}/restore`, validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    const { id } = c.req.valid("param");
    await images.get(ctx, id);
    await images.restore(ctx, [id]);
    return c.json(await images.get(ctx, id));
  })
  .delete(`/${ID}/permanent`, validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    const { id } = c.req.valid("param");
    await images.get(ctx, id);
    return c.json({ affected: await images.purgeIds(ctx, [id]) });
  })
  .post(`/${ID}/favorite`, validate("param", idParam), validate("json", favoriteRequestSchema), async (c) =>
    c.json(await images.setFavorite(ctxOf(c), c.req.valid("param").id, c.req.valid("json").favorite)),
  )
  .post(`/${ID}/rate`, validate("param", idParam), validate("json", rateRequestSchema), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await images.rate(await imageScope(ctxOf(c), id, "editor"), id, c.req.valid("json").rating));
  })
  .get(`/${ID}/metadata`, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await images.metadata(await imageScope(ctxOf(c), id, "viewer"), id));
  })
  .get(`/${ID}/file/:variant`, validate("param", fileParam), async (c) => {
    const { id, variant } = c.req.valid("param");
    const ctx = await imageScope(ctxOf(c), id, "viewer");
    const f = await repo.getFileFacts(ctx.db, ctx.user.id, id);
    if (!f) throw notFound("image");
    if (variant === "original") {
      return serveObject(c, ctx.deps.storage, f.filePath, { cacheControl: ORIGINAL, ranges: true, disposition: `inline; filename="${fileNameFor(f)}"` });
    }
    return serveObject(c, ctx.deps.storage, variantKey(ctx.user.id, id, `${variant}.webp`), { cacheControl: IMMUTABLE, ranges: false, contentType: "image/webp" });
  });
