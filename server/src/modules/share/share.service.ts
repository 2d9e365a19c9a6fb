import { randomBytes } from "node:crypto";
import { msg } from "../../i18n/api";
import {
  SHARE_EXPIRY_MS,
  sharePagePath,
  type ShareCreate,
  type ShareKind,
  type ShareLink,
  type ShareStatus,
  type ShareUpdate,
} from "@image-studio/shared";
import { hashPassword } from "better-auth/crypto";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import * as collections from "../collections/collections.service";
import * as images from "../images/images.service";
import * as projects from "../projects/projects.service";
import { linkCreated } from "./share.events";
import * as repo from "./share.repo";

/** The owner's side of share links: create for an image, project or collection; list, change, revoke. */

/** 32 random bytes: 256 bits, base64url (43 characters). */
export const newToken = () => randomBytes(32).toString("base64url");

export function statusOf(link: Pick<repo.ShareLinkRow, "revokedAt" | "expiresAt">, now: Date): ShareStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export const publicUrl = (ctx: Pick<Ctx, "deps">, token: string) => new URL(sharePagePath(token), ctx.deps.env.APP_URL).href;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const oneLine = (s: string, max = 120) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
};

const NO_REVIEWS = { approved: 0, changesRequested: 0 };

export function toLink(ctx: Pick<Ctx, "deps" | "now">, row: repo.ShareLinkRow, targetName: string, thumbImageId: string | null, reviews = NO_REVIEWS): ShareLink {
  return {
    id: row.id,
    token: row.token,
    kind: row.kind,
    targetId: (row.imageId ?? row.projectId ?? row.collectionId)!,
    targetName,
    thumbImageId,
    url: publicUrl(ctx, row.token),
    hasPassword: row.passwordHash !== null,
    expiresAt: iso(row.expiresAt),
    allowDownload: row.allowDownload,
    showPrompt: row.showPrompt,
    allowReview: row.allowReview,
    reviews,
    viewCount: row.viewCount,
    lastViewedAt: iso(row.lastViewedAt),
    revokedAt: iso(row.revokedAt),
    status: statusOf(row, ctx.now),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The target's name and an image to show for it; 404 when it is not the caller's (or is in the trash). */
async function target(ctx: Ctx, kind: ShareKind, id: string): Promise<{ name: string; thumb: string | null }> {
  if (kind === "image") {
    const img = await images.get(ctx, id);
    if (img.deletedAt) throw notFound("image");
    return { name: oneLine(img.altText || img.prompt || "Image"), thumb: img.id };
  }
  if (kind === "project") {
    const p = await projects.get(ctx, id);
    return { name: p.name, thumb: p.effectiveCoverImageId };
  }
  const c = await collections.get(ctx, id);
  return { name: c.name, thumb: c.effectiveCoverImageId };
}

/** `expiresIn` counts from the server's clock; an explicit date must lie in the future. */
function expiryOf(ctx: Ctx, input: { expiresAt?: string | null; expiresIn?: keyof typeof SHARE_EXPIRY_MS }): Date | null | undefined {
  if (input.expiresIn) return new Date(ctx.now.getTime() + SHARE_EXPIRY_MS[input.expiresIn]);
  if (input.expiresAt === undefined) return undefined;
  if (input.expiresAt === null) return null;
  const at = new Date(input.expiresAt);
  if (at.getTime() <= ctx.now.getTime()) {
    throw new AppError("VALIDATION_FAILED", msg("share.expiryFuture"), { issues: [{ path: ["expiresAt"], message: msg("issue.futureTime") }] });
  }
  return at;
}

/** Review compares the pictures of a project or collection; a single image's link has no review. */
function assertReviewable(kind: ShareKind, allowReview: boolean | undefined) {
  if (allowReview && kind === "image") {
    throw new AppError("VALIDATION_FAILED", msg("share.reviewForProjects"), { issues: [{ path: ["allowReview"], message: msg("issue.shareForReview") }] });
  }
}

export async function create(ctx: Ctx, kind: ShareKind, targetId: string, input: ShareCreate): Promise<ShareLink> {
  assertReviewable(kind, input.allowReview);
  const t = await target(ctx, kind, targetId);
  const row = await repo.insert(ctx.db, {
    userId: ctx.user.id,
    kind,
    imageId: kind === "image" ? targetId : null,
    projectId: kind === "project" ? targetId : null,
    collectionId: kind === "collection" ? targetId : null,
    token: newToken(),
    passwordHash: input.password ? await hashPassword(input.password) : null,
    expiresAt: expiryOf(ctx, input) ?? null,
    allowDownload: input.allowDownload ?? true,
    showPrompt: input.showPrompt ?? true,
    allowReview: input.allowReview ?? false,
  });
  const link = toLink(ctx, row, t.name, t.thumb);
  await linkCreated(ctx, link);
  return link;
}

export async function list(ctx: Ctx): Promise<ShareLink[]> {
  const rows = await repo.listOwned(ctx.db, ctx.user.id);
  return rows.map((r) => {
    const name =
      r.link.kind === "image" ? oneLine(r.imageAlt || r.imagePrompt || "Image") : r.link.kind === "project" ? (r.projectName ?? "Project") : (r.collectionName ?? "Collection");
    const thumb = r.link.kind === "image" ? r.link.imageId : r.link.kind === "project" ? r.projectCover : r.collectionCover;
    return toLink(ctx, r.link, name, thumb, { approved: r.approved, changesRequested: r.changesRequested });
  });
}

async function owned(ctx: Ctx, token: string) {
  const row = await repo.ownedByToken(ctx.db, ctx.user.id, token);
  if (!row) throw notFound("shareLink");
  return row;
}

async function answer(ctx: Ctx, row: repo.ShareLinkRow): Promise<ShareLink> {
  const mine = (await list(ctx)).find((l) => l.id === row.id);
  return mine ?? toLink(ctx, row, "", null);
}

export async function update(ctx: Ctx, token: string, input: ShareUpdate): Promise<ShareLink> {
  const row = await owned(ctx, token);
  if (row.revokedAt) throw new AppError("CONFLICT", msg("share.revokedCreateNew"));
  assertReviewable(row.kind, input.allowReview);
  const expiresAt = expiryOf(ctx, input);
  const passwordHash = input.password === undefined ? undefined : input.password === null ? null : await hashPassword(input.password);
  const patch: repo.ShareLinkPatch = {};
  if (expiresAt !== undefined) patch.expiresAt = expiresAt;
  if (passwordHash !== undefined) patch.passwordHash = passwordHash;
  if (input.allowDownload !== undefined) patch.allowDownload = input.allowDownload;
  if (input.showPrompt !== undefined) patch.showPrompt = input.showPrompt;
  if (input.allowReview !== undefined) patch.allowReview = input.allowReview;
  const updated = Object.keys(patch).length ? await repo.update(ctx.db, ctx.user.id, token, patch) : row;
  return answer(ctx, updated ?? row);
}

/** Revoking keeps the row for the owner's list; every URL of the token stops answering at once. */
export async function revoke(ctx: Ctx, token: string): Promise<ShareLink> {
  const row = await owned(ctx, token);
  const updated = row.revokedAt ? row : await repo.update(ctx.db, ctx.user.id, token, { revokedAt: ctx.now });
  return answer(ctx, updated ?? row);
}
