import type { ImageFilter, ImageSort } from "@image-studio/shared";
import { and, eq, fillPlaceholders, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { pgliteNamedRows, preparedPerDb } from "../../db/prepared";
import { collectionImages, collections, images, nextVersion, projects, tombstones, users } from "../../db/schema";
import { filterConditions, orderBy, seekCondition, type SortKey, sortKey, textArray } from "./images.query";
import { tileJson, tileJsonExact } from "./images.tile-json";

/** Drizzle queries for images. Every one is scoped by the owner's id. */

/** Columns of a gallery tile; the prompt is cut short (the detail has it whole). */
export const summaryColumns = {
  id: images.id,
  projectId: images.projectId,
  prompt: sql<string>`left(${images.prompt}, 300)`,
  altText: images.altText,
  modelId: images.modelId,
  width: images.width,
  height: images.height,
  fileSize: images.fileSize,
  format: images.format,
  mediaType: images.mediaType,
  durationSeconds: images.durationSeconds,
  thumbhash: images.thumbhash,
  isFavorite: images.isFavorite,
  rating: images.rating,
  tags: images.tags,
  parentImageId: images.parentImageId,
  operation: images.operation,
  createdAt: images.createdAt,
  deletedAt: images.deletedAt,
  version: images.version,
};
export type ImageRow = typeof images.$inferSelect;

export interface ListArgs {
  filter: ImageFilter;
  sort: ImageSort;
  order: "asc" | "desc";
  after?: unknown[];
  limit: number;
}

/** A gallery row as the drivers would type it (never run: it only names the type). */
const _summaryShape = (db: Db) => db.select({ ...summaryColumns, cursorKey: sql<string>`''` }).from(images);
export type SummaryRow = Awaited<ReturnType<typeof _summaryShape>>[number];

const SUMMARY_KEYS = Object.keys(summaryColumns) as (keyof typeof summaryColumns)[];

/**
 * The list query, unexecuted (the benchmark EXPLAINs it). Each row is the tile's JSON text (see `tileJson`) and
 * the cursor key; a row PostgreSQL cannot write exactly comes as one JSON array (the summary columns in
 * `summaryColumns` order, then the cursor key) for `unpackSummary` and `toSummary`. One or two text fields per row
 * instead of twenty-one: both drivers pay per field (PGlite copies each into its own buffer before decoding it,
 * node-postgres runs a parser per field, dates included).
 */
function tilesSelect(db: Db, k: SortKey) {
  const packed = sql`json_build_array(${sql.join(Object.values(summaryColumns), sql`, `)}, ${k.select})::text`;
  return db
    .select({ tile: sql<string>`CASE WHEN ${tileJsonExact} THEN ${tileJson} ELSE ${packed} END`, cursorKey: k.select })
    .from(images);
}

export function listImagesQuery(db: Db, userId: string, a: ListArgs) {
  const k = sortKey(a.sort);
  const where = and(filterConditions(userId, a.filter), a.after ? seekCondition(k, a.after, a.order) : undefined);
  return tilesSelect(db, k)
    .where(where)
    .orderBy(...orderBy(k, a.order))
    .limit(a.limit);
}

/** Filter fields other than these make a page's query one of its own (built per request). */
const SHAPE_FIELDS = new Set(["trash", "sort", "order", "cursor", "limit"]);

/**
 * The pages of the whole live gallery or the whole trash (any sort and order, first page or after a cursor) — what
 * the gallery asks for unless a filter is set — are prepared statements, one per shape: Drizzle does not build the
 * query per request and PostgreSQL parses it once per connection. Same SQL as `listImagesQuery` with the values
 * as parameters — but for the row count: with `LIMIT $n` PostgreSQL's generic plan assumes a tenth of the user's
 * rows, costs more than the custom plan for the real count, so it re-plans the statement on every run (≈ 40 % of
 * the query's CPU here, docs/decisions/performance.md). A written-out count gets the generic plan after five runs.
 * The count is one of a few steps, so the statements stay few; a page reads up to its step and keeps what it asked.
 */
const LIMIT_STEPS = [21, 51, 101, 201] as const;

const preparedPages = preparedPerDb(() => new Map<string, ReturnType<typeof preparePage>>());

function preparePage(db: Db, sort: ImageSort, order: "asc" | "desc", trash: boolean, seek: boolean, limit: number) {
  const k = sortKey(sort);
  const userId = sql.placeholder("userId") as unknown as string;
  const after = seek ? k.casts.map((_, i) => sql.placeholder(`k${i}`)) : undefined;
  const where = and(filterConditions(userId, { trash }), after ? seekCondition(k, after, order) : undefined);
  const query = tilesSelect(db, k)
    .where(where)
    .orderBy(...orderBy(k, order))
    .limit(sql.raw(String(limit)) as unknown as number); // (Drizzle writes an SQL limit as it is, a number as $n)
  const name = `images_page_${sort}_${order}_${trash ? "trash" : "live"}_${seek ? "after" : "first"}_${limit}`;
  return { name, text: query.toSQL(), prepared: query.prepare(name) };
}

function preparedPage(db: Db, a: ListArgs) {
  for (const key in a.filter)
    if (!SHAPE_FIELDS.has(key) && (a.filter as Record<string, unknown>)[key] !== undefined) return undefined;
  const trash = a.filter.trash === true;
  if (a.filter.trash !== undefined && typeof a.filter.trash !== "boolean") return undefined;
  const step = LIMIT_STEPS.find((n) => n >= a.limit);
  if (step === undefined || !Number.isInteger(a.limit)) return undefined;
  const shape = `${a.sort}|${a.order}|${trash}|${a.after ? 1 : 0}|${step}`;
  const cache = preparedPages(db);
  let query = cache.get(shape);
  if (!query) cache.set(shape, (query = preparePage(db, a.sort, a.order, trash, Boolean(a.after), step)));
  return query;
}

/** One row of a page: the tile's JSON text (or, starting with `[`, its packed row) and the cursor key. */
export interface TileRow {
  tile: string;
  cursorKey: string;
}

export async function listTiles(db: Db, userId: string, a: ListArgs): Promise<TileRow[]> {
  const prepared = preparedPage(db, a);
  if (!prepared) return listImagesQuery(db, userId, a);
  const values: Record<string, unknown> = { userId };
  a.after?.forEach((v, i) => (values[`k${i}`] = v));
  // On PGlite under its name (parsed and planned once), elsewhere Drizzle's statement (node-postgres names it).
  const params = fillPlaceholders(prepared.text.params, values).map((v) => (v === null || v === undefined ? null : String(v)));
  const named = await pgliteNamedRows(db, prepared.name, prepared.text.sql, params);
  const rows: TileRow[] = named ? named.map(([tile, cursorKey]) => ({ tile: tile!, cursorKey: cursorKey! })) : await prepared.prepared.execute(values);
  return rows.length > a.limit ? rows.slice(0, a.limit) : rows;
}

/** One packed row back to the typed row: timestamps (JSON text, any offset, microseconds) become Dates. */
export function unpackSummary(packed: string): SummaryRow {
  const values = JSON.parse(packed) as unknown[];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < SUMMARY_KEYS.length; i++) row[SUMMARY_KEYS[i]!] = values[i];
  row.createdAt = new Date(row.createdAt as string);
  row.deletedAt = row.deletedAt === null ? null : new Date(row.deletedAt as string);
  row.cursorKey = values[SUMMARY_KEYS.length];
  return row as SummaryRow;
}

export async function getImage(db: Db, userId: string, id: string) {
  const [row] = await db
    .select({ image: images, projectName: projects.name, madeByName: users.name })
    .from(images)
    .leftJoin(projects, and(eq(projects.id, images.projectId), eq(projects.userId, userId)))
    .leftJoin(users, eq(users.id, images.createdBy))
    .where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

/** The storage-facing facts of an image: where its file is and what it is. */
const FILE_FACTS = {
  id: images.id,
  filePath: images.filePath,
  format: images.format,
  prompt: images.prompt,
  fileSize: images.fileSize,
  mediaType: images.mediaType,
};

/** One image's file facts, if the user owns it (the ownership check for file routes). */
export async function getFileFacts(db: Db, userId: string, id: string) {
  const [row] = await db.select(FILE_FACTS).from(images).where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

/** The file facts of those of `ids` the user owns. */
export async function getFileFactsMany(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select(FILE_FACTS).from(images).where(and(eq(images.userId, userId), inArray(images.id, ids)));
}

export async function projectOwned(db: Db, userId: string, projectId: string): Promise<boolean> {
  const [p] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.userId, userId)));
  return Boolean(p);
}

export type ImagePatch = Partial<
  Pick<
    ImageRow,
    "tags" | "rating" | "notes" | "altText" | "projectId" | "isFavorite" | "deletedAt" | "isPublic" | "publishedAt"
  >
>;

/** Updates one image; with `expectVersion`, only if it is still at that version. Every write bumps the sync version. */
export async function updateImage(db: Db, userId: string, id: string, patch: ImagePatch, expectVersion?: number) {
  const conds = [eq(images.id, id), eq(images.userId, userId)];
  if (expectVersion !== undefined) conds.push(eq(images.version, expectVersion));
  const [row] = await db
    .update(images)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(...conds))
    .returning({ id: images.id });
  return row;
}

/** Applies `patch` to the owner's images among `ids` (optionally only where `only` holds); returns the ids changed. */
export async function updateMany(
  db: Db,
  userId: string,
  ids: string[],
  patch: ImagePatch,
  only?: SQL,
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .update(images)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(eq(images.userId, userId), inArray(images.id, ids), only))
    .returning({ id: images.id });
  return rows.map((r) => r.id);
}

export const notInTrash = isNull(images.deletedAt);
export const inTrash = isNotNull(images.deletedAt);

/** Adds and removes tags in one statement, keeping order and without duplicates. */
export async function retag(db: Db, userId: string, ids: string[], add: string[], remove: string[]): Promise<string[]> {
  const kept = sql`ARRAY(SELECT t FROM unnest(${images.tags}) AS t WHERE NOT (t = ANY(${textArray(remove)})))`;
  const merged = sql`ARRAY(SELECT t FROM unnest(${kept} || ${textArray(add)}) WITH ORDINALITY AS x(t, n) GROUP BY t ORDER BY min(n))`;
  const rows = await db
    .update(images)
    .set({ tags: sql`${merged}`, updatedAt: new Date(), version: nextVersion })
    .where(and(eq(images.userId, userId), inArray(images.id, ids)))
    .returning({ id: images.id });
  return rows.map((r) => r.id);
}

/**
 * Collections that hold the images (or show one as cover), projects showing one as cover and images derived
 * from them lose the reference by cascade when they are deleted; their sync versions move on first, so a pull
 * delivers the new membership, cover or parent.
 */
async function touchReferrers(tx: Db, userId: string, ids: string[]) {
  const members = tx
    .select({ id: collectionImages.collectionId })
    .from(collectionImages)
    .where(inArray(collectionImages.imageId, ids));
  const touched = { updatedAt: new Date(), version: nextVersion };
  await tx
    .update(collections)
    .set(touched)
    .where(
      and(eq(collections.userId, userId), or(inArray(collections.id, members), inArray(collections.coverImageId, ids))),
    );
  await tx
    .update(projects)
    .set(touched)
    .where(and(eq(projects.userId, userId), inArray(projects.coverImageId, ids)));
  await tx
    .update(images)
    .set(touched)
    .where(and(eq(images.userId, userId), inArray(images.parentImageId, ids), sql`NOT (${inArray(images.id, ids)})`));
}

/**
 * Deletes images for good and writes their tombstones in one transaction. `DELETE … RETURNING` makes it safe to
 * run concurrently (two processes never both delete — or tombstone — the same row). Returns what was deleted
 * so the caller can remove the stored files.
 */
export async function purge(db: Db, userId: string, where: SQL, limit = 500) {
  return db.transaction(async (tx) => {
    const ids = (
      await tx
        .select({ id: images.id })
        .from(images)
        .where(and(eq(images.userId, userId), where))
        .limit(limit)
    ).map((r) => r.id);
    if (!ids.length) return [];
    await touchReferrers(tx, userId, ids);
    const gone = await tx
      .delete(images)
      .where(and(eq(images.userId, userId), inArray(images.id, ids)))
      .returning({ id: images.id, filePath: images.filePath });
    if (gone.length) {
      await tx
        .insert(tombstones)
        .values(gone.map((g) => ({ userId, entity: "image", entityId: g.id, version: nextVersion })));
    }
    return gone;
  });
}

/** Which of `keys` are still the stored original of one of the user's images (shared by a duplicated project's copy). */
export async function referencedKeys(db: Db, userId: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectDistinct({ key: images.filePath })
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.filePath, keys)));
  return new Set(rows.map((r) => r.key));
}

export async function metadataRows(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.id, ids)));
}
