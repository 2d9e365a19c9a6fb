import { msg } from "../../i18n/api";
import {
  type AdminCommunityPage,
  type CommunityFavoriteResult,
  type CommunityImage,
  type CommunityPage,
  type CommunityQuery,
  communityFileUrl,
  communityQuerySchema,
  type PublicProfile,
  type PublicUserPage,
  type PublishResult,
  type UpdatePublicProfile,
} from "@image-studio/shared";
import type { Ctx, Deps } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { audit } from "../audit/audit";
import { notify } from "../notifications/notify";
import * as repo from "./community.repo";

/**
 * Rules of the public gallery. A published image shows its picture (token-free public URLs that stop answering
 * the moment it is no longer visible), its alt text and — only when its owner chose to — prompt and parameters.
 * Nothing else of the owner: no email, name or account data; the handle is the owner's public name.
 */

const profilePath = (handle: string) => `/u/${handle}`;

function toImage(r: repo.FeedRow): CommunityImage {
  const show = r.showPrompt;
  // Generated images get their prompt as alt text: hidden with the prompt (like share links do).
  const altIsPrompt = r.prompt.slice(0, 300).startsWith(r.altText.slice(0, 300));
  return {
    id: r.id,
    handle: r.handle!,
    width: r.width,
    height: r.height,
    altText: show || !altIsPrompt ? r.altText : "",
    thumbhash: r.thumbhash,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    favorites: Number(r.favorites),
    favorited: !!r.favorited,
    prompt: show ? r.prompt : null,
    negativePrompt: show ? r.negativePrompt : null,
    modelId: show ? r.modelId : null,
    parameters: show ? r.parameters : null,
    urls: { thumb: communityFileUrl(r.id, "thumb-256"), preview: communityFileUrl(r.id, "preview-768") },
  };
}

const wordsOf = (q?: string) => (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);

async function page(db: Ctx["db"], input: Omit<repo.FeedInput, "offset" | "limit"> & { cursor?: string; limit: number }) {
  const offset = input.cursor ? Number(input.cursor) : 0;
  const rows = await repo.feed(db, { ...input, offset, limit: input.limit });
  const more = rows.length > input.limit;
  return { rows: rows.slice(0, input.limit), nextCursor: more ? String(offset + input.limit) : null };
}

/** The community page: everyone's published images, newest or most favourited, searchable by prompt words. */
export async function feed(db: Ctx["db"], viewerId: string | null, query: CommunityQuery): Promise<CommunityPage> {
  const q = communityQuerySchema.parse(query);
  const { rows, nextCursor } = await page(db, { viewerId, sort: q.sort, words: wordsOf(q.q), cursor: q.cursor || undefined, limit: q.limit });
  return { items: rows.map(toImage), nextCursor };
}

/** `/u/:handle`: one user's published images; an unknown handle (or a banned account) is a 404. */
export async function userPage(db: Ctx["db"], viewerId: string | null, handle: string, query: CommunityQuery): Promise<PublicUserPage> {
  const user = await repo.userByHandle(db, handle.toLowerCase());
  if (!user) throw notFound("profile");
  const q = communityQuerySchema.parse(query);
  const { rows, nextCursor } = await page(db, { viewerId, sort: q.sort, words: wordsOf(q.q), handle: user.handle!, cursor: q.cursor || undefined, limit: q.limit });
  return { handle: user.handle!, publishedCount: await repo.publishedCount(db, user.id), items: rows.map(toImage), nextCursor };
}

export async function profile(ctx: Ctx): Promise<PublicProfile> {
  const row = await repo.profileOf(ctx.db, ctx.user.id);
  const handle = row?.handle ?? null;
  return { handle, showPrompt: row?.showPrompt ?? false, url: handle ? profilePath(handle) : null, publishedCount: await repo.publishedCount(ctx.db, ctx.user.id) };
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

export async function updateProfile(ctx: Ctx, patch: { handle?: string | null; showPrompt?: boolean }): Promise<PublicProfile> {
  if (patch.handle && ctx.user.isGuest) throw new AppError("FORBIDDEN", msg("guest.publicProfile"));
  const taken = () => new AppError("CONFLICT", msg("community.handleTaken"), { issues: [{ path: ["handle"], message: msg("issue.handleTaken") }] });
  if (patch.handle && (await repo.handleTaken(ctx.db, patch.handle, ctx.user.id))) throw taken();
  try {
    await repo.updateProfile(ctx.db, ctx.user.id, { handle: patch.handle, publicShowPrompt: patch.showPrompt });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
  return profile(ctx);
}
export type { UpdatePublicProfile };

/** The owner's switch "publish to my public gallery"; publishing needs a handle (the page it appears on). */
export async function publish(ctx: Ctx, imageId: string, published: boolean): Promise<PublishResult> {
  const me = await repo.profileOf(ctx.db, ctx.user.id);
  if (published && !me?.handle) {
    throw new AppError("CONFLICT", msg("community.needsHandle"), { needsHandle: true });
  }
  const row = await repo.setPublished(ctx.db, ctx.user.id, imageId, published, ctx.now);
  if (!row) throw notFound("image");
  return { id: row.id, isPublic: row.isPublic, publishedAt: row.publishedAt?.toISOString() ?? null, url: row.isPublic && me?.handle ? profilePath(me.handle) : null };
}

/** A signed-in user's favourite of a visible published image (idempotent both ways). */
export async function favorite(ctx: Ctx, imageId: string, fav: boolean): Promise<CommunityFavoriteResult> {
  if (!(await repo.isVisible(ctx.db, imageId))) throw notFound("image");
  const favorites = await repo.setFavorite(ctx.db, ctx.user.id, imageId, fav);
  return { id: imageId, favorited: fav, favorites };
}

export async function publicFile(deps: Deps, imageId: string) {
  return repo.visibleFile(deps.database.db, imageId);
}

/** The admin console's list: every published image with its owner named. */
export async function adminList(ctx: Ctx, query: CommunityQuery): Promise<AdminCommunityPage> {
  const q = communityQuerySchema.parse(query);
  const { rows, nextCursor } = await page(ctx.db, { viewerId: null, sort: q.sort, words: [], admin: true, cursor: q.cursor || undefined, limit: q.limit });
  return { items: rows.map((r) => ({ ...toImage({ ...r, showPrompt: true }), ownerEmail: r.email, ownerId: r.userId })), nextCursor };
}

/** An admin takes an image off the public pages: audited with the change, and the owner is told why. */
export async function adminUnpublish(ctx: Ctx, imageId: string, reason: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Ctx["db"];
    const changed = await repo.unpublishAny(db, imageId, ctx.now);
    if (changed) await audit(ctx, { action: "image.unpublish", targetType: "image", targetId: imageId, details: { ownerId: changed.userId, reason } }, db);
    return changed;
  });
  if (!row) throw notFound("publishedImage");
  await notify(ctx.deps, {
    userId: row.userId,
    kind: "community.unpublished",
    params: { reason },
    link: `/images/${row.id}`,
    data: { imageId: row.id, reason },
  });
  return { id: row.id, isPublic: false as const };
}
