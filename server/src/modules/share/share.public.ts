import {
  type ImageDetail,
  type ImageSummary,
  imageListQuerySchema,
  sharedFileUrl,
  type SharedImage,
  type SharedView,
} from "@image-studio/shared";
import type { Ctx, Deps } from "../../context";
import { notFound } from "../../lib/errors";
import * as collections from "../collections/collections.service";
import * as images from "../images/images.service";
import { notify } from "../notifications/notify";
import * as projects from "../projects/projects.service";
import * as repo from "./share.repo";

/**
 * What an anonymous holder of a token sees: the shared thing's pictures with URLs scoped to the token, never
 * anything else of the owner (no account data, no other image; prompt and parameters only when allowed).
 */

/** A context acting as the link's owner, for reading exactly what the link names through the owner's services. */
export function ownerCtx(deps: Deps, userId: string, now: Date): Ctx {
  return { db: deps.database.db, deps, user: { id: userId, email: "", name: "", role: "user" }, log: deps.log, now };
}

const MAX_IMAGES = 500;

function toShared(link: repo.ShareLinkRow, img: ImageSummary | ImageDetail): SharedImage {
  const detail = "parameters" in img ? img : null;
  const show = link.showPrompt;
  // Generated images get their prompt as alt text: with the prompt hidden, such an alt text is hidden too.
  const altIsPrompt = img.prompt.slice(0, 300).startsWith(img.altText.slice(0, 300));
  const file = (v: FileVariant) => sharedFileUrl(link.token, img.id, v);
  return {
    id: img.id,
    width: img.width,
    height: img.height,
    altText: show || !altIsPrompt ? img.altText : "",
    thumbhash: img.thumbhash,
    createdAt: img.createdAt,
    modelId: show ? img.modelId : null,
    prompt: show ? img.prompt : null,
    negativePrompt: show && detail ? detail.negativePrompt : null,
    parameters: show && detail ? detail.parameters : null,
    seed: show && detail ? detail.seed : null,
    mediaType: img.mediaType,
    format: img.format,
    durationSeconds: img.durationSeconds,
    urls: {
      thumb: file("thumb-256"),
      preview: file("preview-768"),
      video: img.mediaType === "video" ? file("video") : null,
      original: link.allowDownload ? file("original") : null,
      download: link.allowDownload ? file("download") : null,
    },
  };
}

async function projectImages(ctx: Ctx, projectId: string): Promise<ImageSummary[]> {
  const out: ImageSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await images.list(ctx, imageListQuerySchema.parse({ projectId, cursor, limit: 100 }));
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_IMAGES);
  return out.slice(0, MAX_IMAGES);
}

/** Title, description and pictures of what the link shares; 404 when the target is gone or in the trash. */
export async function content(deps: Deps, link: repo.ShareLinkRow, now: Date): Promise<SharedView> {
  const ctx = ownerCtx(deps, link.userId, now);
  const base = { kind: link.kind, allowDownload: link.allowDownload, showPrompt: link.showPrompt, allowReview: link.allowReview && link.kind !== "image", expiresAt: link.expiresAt?.toISOString() ?? null };
  if (link.kind === "image") {
    const img = await images.get(ctx, link.imageId!);
    if (img.deletedAt) throw notFound("shareLink");
    const shared = toShared(link, img);
    const title = shared.altText || (link.showPrompt ? img.prompt : "") || "Shared image";
    return { ...base, title: title.slice(0, 200), description: "", images: [shared] };
  }
  if (link.kind === "project") {
    const p = await projects.get(ctx, link.projectId!);
    return { ...base, title: p.name, description: p.description, images: (await projectImages(ctx, p.id)).map((i) => toShared(link, i)) };
  }
  const c = await collections.get(ctx, link.collectionId!);
  return { ...base, title: c.name, description: c.description, images: c.images.slice(0, MAX_IMAGES).map((i) => toShared(link, i)) };
}

/** Whether the owner made the shared thing public themselves (then search engines may index the page). */
export async function isIndexable(deps: Deps, link: repo.ShareLinkRow, now: Date): Promise<boolean> {
  const ctx = ownerCtx(deps, link.userId, now);
  if (link.kind === "image") return (await images.get(ctx, link.imageId!)).isPublic;
  if (link.kind === "collection") return (await repo.collectionKind(deps.database.db, link.collectionId!))?.isPublic ?? false;
  return repo.projectIsPublic(deps.database.db, link.projectId!);
}

/** Counts a view by someone other than the owner, and tells the owner — at most once per link per day. */
export async function recordView(deps: Deps, link: repo.ShareLinkRow, view: SharedView, now: Date, viewerId: string | null) {
  if (viewerId === link.userId) return;
  await repo.countView(deps.database.db, link.id, now);
  await notify(deps, {
    userId: link.userId,
    kind: "share.viewed",
    params: { linkKind: link.kind, title: view.title },
    link: "/shared",
    data: { linkId: link.id, kind: link.kind },
    dedupeKey: `share.viewed:${link.id}:${now.toISOString().slice(0, 10)}`,
  });
}

export type FileVariant = "thumb-256" | "preview-768" | "video" | "original" | "download";

/**
 * The stored file facts of `imageId` if — and only if — the link shares that image; null otherwise (another
 * image of the owner, someone else's, a trashed one, or the original of a link without downloads).
 */
export async function sharedFile(deps: Deps, link: repo.ShareLinkRow, imageId: string, variant: FileVariant, now: Date) {
  if ((variant === "original" || variant === "download") && !link.allowDownload) return null;
  const db = deps.database.db;
  const facts = await repo.fileFacts(db, link.userId, imageId);
  if (!facts || (variant === "video" && facts.mediaType !== "video")) return null;
  if (link.kind === "image") return facts.id === link.imageId ? facts : null;
  if (link.kind === "project") return facts.projectId === link.projectId ? facts : null;
  const coll = await repo.collectionKind(db, link.collectionId!);
  if (!coll) return null;
  if (!coll.smartFilter) return (await repo.inCollection(db, link.collectionId!, imageId)) ? facts : null;
  // A smart collection's members are whatever its saved filter matches today.
  const members = await collections.get(ownerCtx(deps, link.userId, now), link.collectionId!);
  return members.images.some((i) => i.id === imageId) ? facts : null;
}
