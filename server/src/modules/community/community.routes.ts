import {
  adminUnpublishSchema,
  COMMUNITY_VARIANTS,
  communityFavoriteSchema,
  communityQuerySchema,
  publishRequestSchema,
  updatePublicProfileSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { notFound } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireAdmin, requireUser } from "../../middleware/require-user";
import { variantKey } from "../../storage/keys";
import { serveObject } from "../images/images.http";
import * as svc from "./community.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const lower = z.uuid().transform((s) => s.toLowerCase());
const idParam = z.object({ id: lower });
/** Any handle-like text: an unknown one is a 404 like any missing profile. */
const handleParam = z.object({ handle: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a handle").transform((h) => h.toLowerCase()) });
const fileParam = z.object({ imageId: lower, variant: z.enum(COMMUNITY_VARIANTS) });

/**
 * Public pictures are revalidated on every use (ETag → 304 keeps that cheap), so an unpublished, trashed or
 * deleted image stops showing at once, cached copies included.
 */
const FILE_CACHE = "public, no-cache";
const LIST_CACHE = "no-store";

/** /api/community — the anonymous community feed, public profiles and public pictures; favourites for users. */
export const communityRoutes = new Hono<AppEnv>()
  .get("/images", validate("query", communityQuerySchema), async (c) => {
    c.header("Cache-Control", LIST_CACHE);
    return c.json(await svc.feed(c.get("deps").database.db, c.get("user")?.id ?? null, c.req.valid("query")));
  })
  .get("/users/:handle", validate("param", handleParam), validate("query", communityQuerySchema), async (c) => {
    c.header("Cache-Control", LIST_CACHE);
    return c.json(await svc.userPage(c.get("deps").database.db, c.get("user")?.id ?? null, c.req.valid("param").handle, c.req.valid("query")));
  })
  .get("/files/:imageId/:variant", validate("param", fileParam), async (c) => {
    const deps = c.get("deps");
    const { imageId, variant } = c.req.valid("param");
    const f = await svc.publicFile(deps, imageId);
    if (!f) throw notFound("image");
    return serveObject(c, deps.storage, variantKey(f.userId, f.id, `${variant}.webp`), { cacheControl: FILE_CACHE, ranges: false, contentType: "image/webp" });
  })
  .post(`/images/${ID}/favorite`, requireUser, validate("param", idParam), validate("json", communityFavoriteSchema), async (c) =>
    c.json(await svc.favorite(ctxOf(c), c.req.valid("param").id, c.req.valid("json").favorite)),
  );

/** /api/account/public-profile — the caller's handle and whether their public images show prompts. */
export const publicProfileRoutes = new Hono<AppEnv>()
  .get("/", requireUser, async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json(await svc.profile(ctxOf(c)));
  })
  .put("/", requireUser, validate("json", updatePublicProfileSchema), async (c) => c.json(await svc.updateProfile(ctxOf(c), c.req.valid("json"))));

/** POST /api/images/:id/publish — the owner's "publish to my public gallery" switch. */
export const imagePublishRoutes = new Hono<AppEnv>().post(`/${ID}/publish`, requireUser, validate("param", idParam), validate("json", publishRequestSchema), async (c) =>
  c.json(await svc.publish(ctxOf(c), c.req.valid("param").id, c.req.valid("json").published)),
);

/** /api/admin/community — moderation: every published image, and unpublishing one. */
export const adminCommunityRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .get("/images", validate("query", communityQuerySchema), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await svc.adminList(ctxOf(c), c.req.valid("query")));
  })
  .post(`/images/${ID}/unpublish`, validate("param", idParam), validate("json", adminUnpublishSchema), async (c) =>
    c.json(await svc.adminUnpublish(ctxOf(c), c.req.valid("param").id, c.req.valid("json").reason)),
  );
