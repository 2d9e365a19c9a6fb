import {
  SHARE_PASSWORD_HEADER,
  SHARE_TOKEN_PATTERN,
  type ShareKind,
  shareCreateSchema,
  shareTokenSchema,
  shareUnlockSchema,
  shareUpdateSchema,
} from "@image-studio/shared";
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { clientIp } from "../../auth/client-ip";
import type { AppEnv } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { variantKey } from "../../storage/keys";
import { attachment, serveObject } from "../images/images.http";
import { fileNameFor } from "../images/images.mapper";
import { authorize, checkPassword, assertLive, type Proof, unlockCookie } from "./share.access";
import * as pub from "./share.public";
import * as repo from "./share.repo";
import * as svc from "./share.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const TOKEN = `:token{${SHARE_TOKEN_PATTERN}}`;
const lower = z.uuid().transform((s) => s.toLowerCase());
const idParam = z.object({ id: lower });
const tokenParam = z.object({ token: shareTokenSchema });
const fileParam = z.object({
  token: shareTokenSchema,
  imageId: lower,
  variant: z.enum(["thumb-256", "preview-768", "video", "original", "download"]),
});

/** Files of a link are revalidated on every use, so a revoked or expired link stops showing them at once. */
const FILE_CACHE = "private, no-cache";

export function proofOf(c: Context<AppEnv>): Proof {
  return { password: c.req.header(SHARE_PASSWORD_HEADER), cookies: getCookie(c), ip: clientIp(c, c.get("deps").env.TRUST_PROXY) };
}

/** POST …/:id (signed in): a new link to the caller's image, project or collection. */
const createRoute = (kind: ShareKind) =>
  new Hono<AppEnv>().post("/", requireUser, validate("param", idParam), validate("json", shareCreateSchema), async (c) =>
    c.json(await svc.create(ctxOf(c), kind, c.req.valid("param").id, c.req.valid("json")), 201),
  );

/** The anonymous read of a link of `kind`: another kind's token under this path is as unknown as a wrong one. */
const view = (kind: ShareKind) => async (c: Context<AppEnv>) => {
  const deps = c.get("deps");
  const now = deps.clock.now();
  const token = c.req.param("token") ?? "";
  const found = await repo.byToken(deps.database.db, token);
  const link = await authorize(deps, found?.kind === kind ? found : undefined, proofOf(c), now);
  const content = await pub.content(deps, link, now);
  await pub.recordView(deps, link, content, now, c.get("user")?.id ?? null);
  c.header("Cache-Control", "private, no-store");
  if (!(await pub.isIndexable(deps, link, now))) c.header("X-Robots-Tag", "noindex, nofollow");
  return c.json(content);
};

/**
 * /api/share — the owner's links (signed in) and the anonymous, token-scoped reads of them. A token opens only
 * what it names; someone else's link or target answers like an unknown one (404).
 */
export const shareRoutes = new Hono<AppEnv>()
  .get("/", requireUser, async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json({ items: await svc.list(ctxOf(c)) });
  })
  .route(`/image/${ID}`, createRoute("image"))
  .route(`/project/${ID}`, createRoute("project"))
  .route(`/collection/${ID}`, createRoute("collection"))
  .get(`/image/${TOKEN}`, validate("param", tokenParam), view("image"))
  .get(`/project/${TOKEN}`, validate("param", tokenParam), view("project"))
  .get(`/collection/${TOKEN}`, validate("param", tokenParam), view("collection"))
  .post(`/${TOKEN}/unlock`, validate("param", tokenParam), validate("json", shareUnlockSchema), async (c) => {
    const deps = c.get("deps");
    const now = deps.clock.now();
    const link = await repo.byToken(deps.database.db, c.req.valid("param").token);
    if (!link) throw notFound("shareLink");
    assertLive(link, now);
    if (!link.passwordHash) return c.json({ unlocked: true, kind: link.kind });
    await checkPassword(deps, link, c.req.valid("json").password, proofOf(c).ip, now);
    const cookie = unlockCookie(deps, link, now);
    setCookie(c, cookie.name, cookie.value, {
      path: "/api/share/",
      httpOnly: true,
      sameSite: "Lax",
      secure: new URL(deps.env.APP_URL).protocol === "https:",
      maxAge: cookie.maxAge,
    });
    return c.json({ unlocked: true, kind: link.kind });
  })
  .get(`/${TOKEN}/files/:imageId/:variant`, validate("param", fileParam), async (c) => {
    const deps = c.get("deps");
    const now = deps.clock.now();
    const { token, imageId, variant } = c.req.valid("param");
    let link;
    try {
      link = await authorize(deps, await repo.byToken(deps.database.db, token), proofOf(c), now);
    } catch (err) {
      // A picture of a revoked or expired link is simply gone.
      if (err instanceof AppError && err.code === "GONE") throw notFound("image");
      throw err;
    }
    const f = await pub.sharedFile(deps, link, imageId, variant, now);
    if (!f) throw notFound("image");
    c.header("X-Robots-Tag", "noindex");
    if (variant === "video" || variant === "original" || variant === "download") {
      const disposition = variant === "download" ? attachment(fileNameFor(f)) : `inline; filename="${fileNameFor(f)}"`;
      return serveObject(c, deps.storage, f.filePath, { cacheControl: FILE_CACHE, ranges: true, disposition });
    }
    return serveObject(c, deps.storage, variantKey(link.userId, f.id, `${variant}.webp`), { cacheControl: FILE_CACHE, ranges: false, contentType: "image/webp" });
  })
  .patch(`/${TOKEN}`, requireUser, validate("param", tokenParam), validate("json", shareUpdateSchema), async (c) =>
    c.json(await svc.update(ctxOf(c), c.req.valid("param").token, c.req.valid("json"))),
  )
  .delete(`/${TOKEN}`, requireUser, validate("param", tokenParam), async (c) => c.json(await svc.revoke(ctxOf(c), c.req.valid("param").token)));

/** `POST /api/images/:id/share` and `POST /api/projects/:id/share`: the seed's aliases of the routes above. */
export const imageShareAlias = new Hono<AppEnv>().route(`/${ID}/share`, createRoute("image"));
export const projectShareAlias = new Hono<AppEnv>().route(`/${ID}/share`, createRoute("project"));
