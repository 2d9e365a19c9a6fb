import type { ImageFilter, ImageSort } from "@image-studio/shared";
import { and, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPerDb } from "../../db/prepared";
import { images } from "../../db/schema";
import { filterConditions, orderBy, seekCondition, type SortKey, sortKey } from "./images.query";

/** The gallery's pages: the tiles' columns and text, the page query, and its prepared statements. Owner-scoped. */

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
 * The list query, unexecuted (the benchmark EXPLAINs it). Each row is the tile's JSON text (`images.tile_json`, which
 * the database writes on every insert and update: images.tile-json.ts) and the cursor key; a row PostgreSQL cannot
 * write exactly (its `tile_json` is null) comes as one JSON array (the summary columns in `summaryColumns` order,
 * then the cursor key) for `unpackSummary` and `toSummary`. One or two text fields per row
 * instead of twenty-one: both drivers pay per field (PGlite copies each into its own buffer before decoding it,
 * node-postgres runs a parser per field, dates included).
 */
function tilesSelect(db: Db, k: SortKey) {
  const packed = sql`json_build_array(${sql.join(Object.values(summaryColumns), sql`, `)}, ${k.select})::text`;
  return db
    .select({ tile: sql<string>`coalesce(${images.tileJson}, ${packed})`, cursorKey: k.select })
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

/** Per database: the handle the pages are prepared on (`preparedPerDb` picks it) and the pages prepared so far. */
const preparedPages = preparedPerDb((db) => ({ db, pages: new Map<string, ReturnType<typeof preparePage>>() }));

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
  return query.prepare(name);
}

function preparedPage(db: Db, a: ListArgs) {
  for (const key in a.filter)
    if (!SHAPE_FIELDS.has(key) && (a.filter as Record<string, unknown>)[key] !== undefined) return undefined;
  const trash = a.filter.trash === true;
  if (a.filter.trash !== undefined && typeof a.filter.trash !== "boolean") return undefined;
  const step = LIMIT_STEPS.find((n) => n >= a.limit);
  if (step === undefined) return undefined;
  const shape = `${a.sort}|${a.order}|${trash}|${a.after ? 1 : 0}|${step}`;
  const prepared = preparedPages(db);
  let query = prepared.pages.get(shape);
  if (!query) prepared.pages.set(shape, (query = preparePage(prepared.db, a.sort, a.order, trash, Boolean(a.after), step)));
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
  const rows: TileRow[] = await prepared.execute(values);
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
