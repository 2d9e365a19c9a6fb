import type { ImageDetail, ImageList, ImageListQuery, ImageMetadataExport, imageUpdateSchema } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import { and, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { images } from "../../db/schema";
import { AppError, notFound } from "../../lib/errors";
import { imagePrefix, userPrefix } from "../../storage/keys";
import { listAll } from "../../storage/types";
import { decodeCursor, encodeCursor } from "./images.cursor";
import { toDetail, toMetadata, toSummary } from "./images.mapper";
import { sortKey } from "./images.query";
import * as page from "./images.page.repo";
import * as repo from "./images.repo";
import { projectScope } from "../teams/teams.access";

const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursor values must fit the casts of the sort key, or PostgreSQL would answer 500 instead of us answering 400. */
function cursorValues(q: ImageListQuery): unknown[] | undefined {
  if (!q.cursor) return undefined;
  const values = decodeCursor(q.cursor, q.sort, q.order);
  const { casts } = sortKey(q.sort);
  const ok =
    values.length === casts.length &&
    casts.every((cast, i) => {
      const v = values[i];
      if (cast === "timestamptz") return typeof v === "string" && TS.test(v);
      if (cast === "int") return Number.isInteger(v);
      if (cast === "uuid") return typeof v === "string" && UUID.test(v);
      return typeof v === "string";
    });
  if (!ok) throw new AppError("VALIDATION_FAILED", msg("request.galleryLinkExpired"), { issues: [{ path: ["cursor"], message: msg("issue.invalidCursor") }] });
  return values;
}

const listArgs = (q: ImageListQuery) => {
  const sort = q.sort === "deleted" && !q.trash ? "date" : q.sort;
  return { filter: q, sort, order: q.order, after: cursorValues({ ...q, sort }), limit: q.limit + 1 };
};

/** The SQL of a list page (for EXPLAIN in the benchmark). */
export const listQuery = (ctx: Ctx, q: ImageListQuery) => page.listImagesQuery(ctx.db, ctx.user.id, listArgs(q));

/** A tile's JSON text: as PostgreSQL made it, or (a packed row, see `listImagesQuery`) as `toSummary` makes it. */
const tileText = (tile: string) => (tile.charCodeAt(0) === 123 /* { */ ? tile : JSON.stringify(toSummary(page.unpackSummary(tile))));

/**
 * One page of the gallery as JSON text — exactly `JSON.stringify` of the `ImageList` that `list` answers, made from
 * the tiles' text without parsing it. Newest first by default. Keyset pagination: never OFFSET, stable under inserts.
 */
export async function listJson(ctx: Ctx, q: ImageListQuery): Promise<string> {
  const args = listArgs(q);
  // Browsing a project shared with the caller's team lists it in its owner's scope (trash stays the owner's).
  const scope = q.projectId && q.projectId !== "none" && !q.trash ? await projectScope(ctx, q.projectId, "viewer").catch((e: unknown) => { if (e instanceof AppError) return ctx; throw e; }) : ctx;
  const rows = await page.listTiles(ctx.db, scope.user.id, args);
  const count = Math.min(rows.length, q.limit);
  let json = '{"items":[';
  for (let i = 0; i < count; i++) json += (i ? "," : "") + tileText(rows[i]!.tile);
  const last = rows[count - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor(args.sort, q.order, last.cursorKey) : null;
  return `${json}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** One page of the gallery (see `listJson`). */
export async function list(ctx: Ctx, q: ImageListQuery): Promise<ImageList> {
  return JSON.parse(await listJson(ctx, q)) as ImageList;
}

async function load(ctx: Ctx, id: string) {
  const row = await repo.getImage(ctx.db, ctx.user.id, id);
  if (!row) throw notFound("image");
  return row;
}

export async function get(ctx: Ctx, id: string): Promise<ImageDetail> {
  const row = await load(ctx, id);
  const { createdBy } = row.image;
  return toDetail(row.image, row.projectName, createdBy ? { id: createdBy, name: row.madeByName ?? "a team member" } : null);
}

export async function metadata(ctx: Ctx, id: string): Promise<ImageMetadataExport> {
  return toMetadata((await load(ctx, id)).image);
}

export async function assertProject(ctx: Ctx, projectId: string | null | undefined) {
  if (projectId && !(await repo.projectOwned(ctx.db, ctx.user.id, projectId))) throw notFound("project");
}

export async function update(ctx: Ctx, id: string, input: z.output<typeof imageUpdateSchema>): Promise<ImageDetail> {
  const { version, ...patch } = input;
  // A team member edits the image where it is; moving it elsewhere and the favourite flag are its owner's.
  if (ctx.actor && patch.isFavorite !== undefined) throw new AppError("FORBIDDEN", msg("images.onlyOwnerFavourite"));
  if (ctx.actor && patch.projectId !== undefined && patch.projectId !== (await load(ctx, id)).image.projectId)
    throw new AppError("FORBIDDEN", msg("images.onlyOwnerMoves"));
  await assertProject(ctx, patch.projectId);
  const done = await repo.updateImage(ctx.db, ctx.user.id, id, patch, version);
  if (!done) {
    await load(ctx, id); // 404 when it is not theirs
    throw new AppError("CONFLICT", msg("images.changedElsewhere"));
  }
  return get(ctx, id);
}

/**
 * Sets the favourite flag. Write and read-back share a transaction: the row stays locked until the answer is
 * read, so the answer is this request's write (flag and version), never a concurrent one's.
 */
export async function setFavorite(ctx: Ctx, id: string, favorite: boolean): Promise<ImageDetail> {
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.updateImage(tx, ctx.user.id, id, { isFavorite: favorite }))) throw notFound("image");
    return get({ ...ctx, db: tx }, id);
  });
}

export const rate = (ctx: Ctx, id: string, rating: number | null) => update(ctx, id, { rating });

export async function move(ctx: Ctx, ids: string[], projectId: string | null) {
  await assertProject(ctx, projectId);
  return repo.updateMany(ctx.db, ctx.user.id, ids, { projectId });
}

export const favoriteMany = (ctx: Ctx, ids: string[], favorite: boolean) => repo.updateMany(ctx.db, ctx.user.id, ids, { isFavorite: favorite });

export const retag = (ctx: Ctx, ids: string[], add: string[], remove: string[]) => repo.retag(ctx.db, ctx.user.id, ids, add, remove);

export async function metadataMany(ctx: Ctx, ids: string[]): Promise<ImageMetadataExport[]> {
  const rows = await repo.metadataRows(ctx.db, ctx.user.id, ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map(toMetadata);
}

/**
 * Removes the stored files of images deleted for good: everything under each image's prefix, and its original
 * wherever it lives — except an object that another row of the user still uses as its original (a duplicated
 * project's copies share them). Runs after the rows' deletion committed, so of two deleters of the last users of
 * an object, the later one sees no user left and removes it. A failure leaves orphaned objects, never broken rows.
 */
export async function removeFiles(ctx: Pick<Ctx, "db" | "deps" | "log">, userId: string, gone: { id: string; filePath: string }[]) {
  for (const g of gone) {
    try {
      const keys = new Set((await listAll(ctx.deps.storage, imagePrefix(userId, g.id))).map((o) => o.key));
      if (g.filePath.startsWith(userPrefix(userId))) keys.add(g.filePath); // never anything outside the user's folder
      const kept = await repo.referencedKeys(ctx.db, userId, [...keys]);
      for (const key of keys) if (!kept.has(key)) await ctx.deps.storage.delete(key);
    } catch (err) {
      ctx.log.warn("could not delete image files", { imageId: g.id, err });
    }
  }
}

/** Deletes for good every image of the user matching `where` (in batches), with tombstones; returns the ids. */
export async function purgeWhere(ctx: Pick<Ctx, "db" | "deps" | "log">, userId: string, where: SQL): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const gone = await repo.purge(ctx.db, userId, where, 500);
    await removeFiles(ctx, userId, gone);
    ids.push(...gone.map((g) => g.id));
    if (gone.length < 500) return ids;
  }
}

export async function trash(ctx: Ctx, ids: string[]) {
  return repo.updateMany(ctx.db, ctx.user.id, ids, { deletedAt: ctx.now }, repo.notInTrash);
}

/**
 * Restored images come back unpublished: trashing took a published image off every public page, and putting it
 * back in the gallery should not silently put it back in public too (the owner republishes it).
 */
export async function restore(ctx: Ctx, ids: string[]) {
  return repo.updateMany(ctx.db, ctx.user.id, ids, { deletedAt: null, isPublic: false, publishedAt: null }, repo.inTrash);
}

export async function purgeIds(ctx: Ctx, ids: string[]) {
  return purgeWhere(ctx, ctx.user.id, inArray(images.id, ids));
}

export const emptyTrash = (ctx: Ctx) => purgeWhere(ctx, ctx.user.id, isNotNull(images.deletedAt));

/** Trash older than `days` for one user (the auto-cleanup). */
export const purgeExpired = (ctx: Pick<Ctx, "db" | "deps" | "log">, userId: string, before: Date) =>
  purgeWhere(ctx, userId, and(isNotNull(images.deletedAt), lt(images.deletedAt, before))!);

/** Single-image actions answer 404 for an image that is not the caller's. */
export async function one<T>(ctx: Ctx, id: string, run: () => Promise<T[]>): Promise<T[]> {
  const out = await run();
  if (!out.length) await load(ctx, id);
  return out;
}
