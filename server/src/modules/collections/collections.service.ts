import { msg } from "../../i18n/api";
import {
  type Collection,
  type CollectionDetail,
  type CollectionImage,
  type collectionCreateSchema,
  type collectionUpdateSchema,
  type ImageSummary,
  rankBetween,
  ranksAfter,
  smartFilterSchema,
} from "@image-studio/shared";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { createOnce } from "../../lib/create-once";
import { badRequest, notFound } from "../../lib/errors";
import * as images from "../images/images.service";
import { assertImages } from "../projects/projects.service";
import * as repo from "./collections.repo";

/** Collections: hand-curated (ordered by fractional ranks) or smart (a saved gallery filter). */

const byRank = (a: { position: string }, b: { position: string }) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;

export function toCollection(r: repo.CollectionWithCount, firstImageId: string | null = null): Collection {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    coverImageId: r.coverImageId,
    effectiveCoverImageId: r.coverImageId ?? firstImageId,
    smartFilter: r.smartFilter ?? null,
    isSmart: r.smartFilter !== null && r.smartFilter !== undefined,
    imageCount: r.imageCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

async function load(ctx: Ctx, id: string) {
  const row = await repo.get(ctx.db, ctx.user.id, id);
  if (!row) throw notFound("collection");
  return row;
}

async function ordered(ctx: Ctx, id: string) {
  return (await repo.members(ctx.db, id)).sort(byRank);
}

export async function list(ctx: Ctx): Promise<Collection[]> {
  const rows = await repo.list(ctx.db, ctx.user.id);
  return Promise.all(
    rows.map(async (r) => toCollection(r, r.smartFilter ? null : ((await ordered(ctx, r.id))[0]?.imageId ?? null))),
  );
}

/** Every page of the gallery query `filter` (capped): the images of a smart collection, or the members of a curated one. */
async function summaries(ctx: Ctx, filter: Record<string, unknown>, cap: number): Promise<ImageSummary[]> {
  const out: ImageSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await images.list(ctx, { ...filter, sort: "date", order: "desc", cursor, limit: 200 });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < cap);
  return out.slice(0, cap);
}

export async function get(ctx: Ctx, id: string): Promise<CollectionDetail> {
  const row = await load(ctx, id);
  if (row.smartFilter) {
    const items = await summaries(ctx, smartFilterSchema.parse(row.smartFilter), 500);
    const imgs: CollectionImage[] = items.map((i) => ({ ...i, position: null }));
    return { ...toCollection({ ...row, imageCount: imgs.length }, imgs[0]?.id ?? null), images: imgs };
  }
  const ranks = await ordered(ctx, id);
  const found = new Map((await summaries(ctx, { collectionId: id }, 10_000)).map((i) => [i.id, i]));
  const imgs = ranks.flatMap((m) => {
    const s = found.get(m.imageId);
    return s ? [{ ...s, position: m.position }] : [];
  });
  return { ...toCollection(row, imgs[0]?.id ?? null), images: imgs };
}

type CreateInput = z.output<typeof collectionCreateSchema>;

/** Creates a collection, or answers the caller's own under that id unchanged (a replay). Someone else's id is a 404. */
export async function create(
  ctx: Ctx,
  input: CreateInput,
): Promise<{ collection: CollectionDetail; created: boolean }> {
  const id = input.id ?? crypto.randomUUID();
  if (input.id && (await repo.get(ctx.db, ctx.user.id, id))) return { collection: await get(ctx, id), created: false };
  if (input.coverImageId) await assertImages(ctx, [input.coverImageId]);
  const created = await createOnce({
    userId: ctx.user.id,
    what: "collection",
    ownerOf: () => repo.ownerOf(ctx.db, id),
    insert: () =>
      repo.insertIfAbsent(ctx.db, {
        id,
        userId: ctx.user.id,
        name: input.name,
        description: input.description ?? "",
        coverImageId: input.coverImageId ?? null,
        smartFilter: input.smartFilter ?? null,
      }),
  });
  return { collection: await get(ctx, id), created };
}

export async function update(
  ctx: Ctx,
  id: string,
  input: z.output<typeof collectionUpdateSchema>,
): Promise<CollectionDetail> {
  await load(ctx, id);
  if (input.coverImageId) await assertImages(ctx, [input.coverImageId]);
  await repo.update(ctx.db, ctx.user.id, id, input);
  return get(ctx, id);
}

export async function remove(ctx: Ctx, id: string) {
  await load(ctx, id);
  await repo.remove(ctx.db, ctx.user.id, id);
  return { deleted: true };
}

async function loadCurated(ctx: Ctx, id: string) {
  const row = await load(ctx, id);
  if (row.smartFilter) throw badRequest(msg("collections.smart"));
  return row;
}

/** Appends the images (in the order given) after the last one; images already in it stay where they are. */
export async function addImages(ctx: Ctx, id: string, imageIds: string[]) {
  await loadCurated(ctx, id);
  await assertImages(ctx, imageIds);
  const all = (await repo.members(ctx.db, id, true)).sort(byRank);
  const present = new Set(all.map((m) => m.imageId));
  const fresh = imageIds.filter((i) => !present.has(i));
  const ranks = ranksAfter(all[all.length - 1]?.position ?? null, fresh.length);
  await repo.addMembers(
    ctx.db,
    id,
    fresh.map((imageId, i) => ({ imageId, position: ranks[i]! })),
  );
  await repo.update(ctx.db, ctx.user.id, id, {});
  return get(ctx, id);
}

export async function removeImage(ctx: Ctx, id: string, imageId: string) {
  await loadCurated(ctx, id);
  if (!(await repo.removeMember(ctx.db, id, imageId))) throw notFound("image");
  await repo.update(ctx.db, ctx.user.id, id, {});
  return get(ctx, id);
}

/** Moves one image right after another (or to the front): one row gets a new rank. */
export async function reorder(ctx: Ctx, id: string, imageId: string, afterImageId: string | null) {
  await loadCurated(ctx, id);
  if (imageId === afterImageId) throw badRequest(msg("collections.afterItself"));
  const all = (await repo.members(ctx.db, id, true)).sort(byRank);
  if (!all.some((m) => m.imageId === imageId)) throw notFound("image");
  const others = all.filter((m) => m.imageId !== imageId);
  const at = afterImageId === null ? -1 : others.findIndex((m) => m.imageId === afterImageId);
  if (at === -1 && afterImageId !== null) throw notFound("image");
  const position = rankBetween(others[at]?.position ?? null, others[at + 1]?.position ?? null);
  await repo.setPosition(ctx.db, id, imageId, position);
  await repo.update(ctx.db, ctx.user.id, id, {});
  return { imageId, position };
}
