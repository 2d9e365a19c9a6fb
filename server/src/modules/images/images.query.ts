import type { ImageFilter, ImageSort } from "@image-studio/shared";
import { and, eq, gte, inArray, isNotNull, isNull, lte, lt, type SQL, sql } from "drizzle-orm";
import { collectionImages, collections, images } from "../../db/schema";

/**
 * SQL pieces for the gallery list: filters, sort keys and the keyset ("seek") condition. Pure builders, no I/O;
 * the repo assembles them. Every list query starts with `images.user_id = <owner>`.
 */

const ASPECT_TOLERANCE = 0.02;
const RATIOS: Record<string, number> = { "1:1": 1, "16:9": 16 / 9, "9:16": 9 / 16, "4:3": 4 / 3, "3:4": 3 / 4, "3:2": 3 / 2, "2:3": 2 / 3, "21:9": 21 / 9 };

/** `%`, `_` and `\` are literal in what the user types. */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** `ARRAY[$1, $2]::text[]` — portable across node-postgres and PGlite. */
export const textArray = (values: string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** The words of a search; each must match somewhere. */
export const searchWords = (q: string) => [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);

/** One word matches the prompt, the negative prompt, the model id or a tag. */
function wordMatches(word: string): SQL {
  const p = likePattern(word);
  return sql`(${images.prompt} ILIKE ${p} OR ${images.negativePrompt} ILIKE ${p} OR ${images.modelId} ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(${images.tags}) AS t(tag) WHERE t.tag ILIKE ${p}))`;
}

export function searchCondition(q: string | undefined): SQL | undefined {
  const words = q ? searchWords(q) : [];
  return words.length ? and(...words.map(wordMatches)) : undefined;
}

/** A date-only bound covers the whole day (UTC): `to=2026-01-31` includes that day. */
function dateBound(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00.000Z`);
    return end ? new Date(d.getTime() + 86_400_000) : d;
  }
  return new Date(value);
}

function aspectCondition(aspect: string): SQL {
  const ratio = sql`(${images.width}::float8 / ${images.height})`;
  if (aspect === "square") return sql`abs(${ratio} - 1) <= ${ASPECT_TOLERANCE}`;
  if (aspect === "landscape") return sql`${ratio} > ${1 + ASPECT_TOLERANCE}`;
  if (aspect === "portrait") return sql`${ratio} < ${1 - ASPECT_TOLERANCE}`;
  return sql`abs(${ratio} - ${RATIOS[aspect] ?? 1}) <= ${ASPECT_TOLERANCE}`;
}

function inCollection(userId: string, collectionId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${collectionImages} JOIN ${collections} ON ${collections.id} = ${collectionImages.collectionId}
    WHERE ${collectionImages.imageId} = ${images.id} AND ${collectionImages.collectionId} = ${collectionId} AND ${collections.userId} = ${userId})`;
}

/** WHERE for a filter, always scoped to the owner and to the live gallery or the trash. */
export function filterConditions(userId: string, f: ImageFilter): SQL {
  const c: (SQL | undefined)[] = [eq(images.userId, userId), f.trash ? isNotNull(images.deletedAt) : isNull(images.deletedAt)];
  if (f.from) c.push(gte(images.createdAt, dateBound(f.from, false)));
  if (f.to) c.push(/^\d{4}-\d{2}-\d{2}$/.test(f.to) ? lt(images.createdAt, dateBound(f.to, true)) : lte(images.createdAt, dateBound(f.to, true)));
  if (f.modelId?.length) c.push(inArray(images.modelId, f.modelId));
  if (f.projectId) c.push(f.projectId === "none" ? isNull(images.projectId) : eq(images.projectId, f.projectId));
  if (f.collectionId) c.push(inCollection(userId, f.collectionId));
  if (f.batchId) c.push(sql`${images.jobId} in (select id from generation_queue where batch_id = ${f.batchId} and user_id = ${userId})`);
  if (f.tags?.length) c.push(sql`${images.tags} @> ${textArray(f.tags)}`);
  if (f.favorite !== undefined) c.push(eq(images.isFavorite, f.favorite));
  if (f.aspect) c.push(aspectCondition(f.aspect));
  if (f.minWidth) c.push(gte(images.width, f.minWidth));
  if (f.minHeight) c.push(gte(images.height, f.minHeight));
  if (f.minMegapixels) c.push(sql`${images.width}::bigint * ${images.height} >= ${Math.round(f.minMegapixels * 1_000_000)}`);
  if (f.minRating) c.push(gte(images.rating, f.minRating));
  if (f.unrated !== undefined) c.push(f.unrated ? isNull(images.rating) : isNotNull(images.rating));
  if (f.mediaType) c.push(eq(images.mediaType, f.mediaType));
  if (f.hasParent !== undefined) c.push(f.hasParent ? isNotNull(images.parentImageId) : isNull(images.parentImageId));
  c.push(searchCondition(f.q));
  return and(...c)!;
}

/** Timestamps travel in cursors at full (microsecond) precision, or rows sharing a millisecond would be skipped. */
const tsText = (col: typeof images.createdAt | typeof images.deletedAt) => sql<string>`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface SortKey {
  /** Expressions in ORDER BY order; the last is always the id. */
  exprs: SQL[];
  /** Casts for the cursor values, so they compare like the columns. */
  casts: string[];
  /** The values a row contributes to the cursor, read from the select. */
  select: SQL<string>;
}

function key(exprs: SQL[], casts: string[], select: SQL[]): SortKey {
  return { exprs: [...exprs, sql`${images.id}`], casts: [...casts, "uuid"], select: sql<string>`json_build_array(${sql.join([...select, sql`${images.id}`], sql`, `)})::text` };
}

export function sortKey(sort: ImageSort): SortKey {
  const created = sql`${images.createdAt}`;
  switch (sort) {
    case "prompt":
      return key([sql`${images.prompt}`], ["text"], [sql`${images.prompt}`]);
    case "rating":
      return key([sql`coalesce(${images.rating}, 0)`, created], ["int", "timestamptz"], [sql`coalesce(${images.rating}, 0)`, tsText(images.createdAt)]);
    case "model":
      return key([sql`${images.modelId}`, created], ["text", "timestamptz"], [sql`${images.modelId}`, tsText(images.createdAt)]);
    case "deleted":
      return key([sql`coalesce(${images.deletedAt}, ${images.createdAt})`, created], ["timestamptz", "timestamptz"], [
        sql`to_char(coalesce(${images.deletedAt}, ${images.createdAt}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        tsText(images.createdAt),
      ]);
    default:
      return key([created], ["timestamptz"], [tsText(images.createdAt)]);
  }
}

/**
 * Rows strictly after the cursor: `(k1, k2, id) < (v1, v2, v3)` for descending order, `>` for ascending. The
 * redundant `k1 <= v1` lets PostgreSQL start the index scan at the cursor (it does not use a row comparison
 * against a DESC index as a scan bound), so a page deep in the gallery costs the same as the first.
 */
export function seekCondition(k: SortKey, values: unknown[], order: "asc" | "desc"): SQL {
  const vals = values.map((v, i) => sql`CAST(${v} AS ${sql.raw(k.casts[i]!)})`);
  const row = sql`(${sql.join(k.exprs, sql`, `)}) ${sql.raw(order === "desc" ? "<" : ">")} (${sql.join(vals, sql`, `)})`;
  const lead = sql`${k.exprs[0]!} ${sql.raw(order === "desc" ? "<=" : ">=")} ${vals[0]!}`;
  return sql`(${lead} AND ${row})`;
}

/**
 * ORDER BY for a sort key. NULLS LAST / NULLS FIRST match how the indexes are declared (Drizzle's `.desc()` is
 * DESC NULLS LAST), so PostgreSQL can read images_user_created_idx in order (forwards or backwards) and stop
 * after one page; with a plain DESC (NULLS FIRST) it would sort every one of the user's images instead.
 */
export function orderBy(k: SortKey, order: "asc" | "desc"): SQL[] {
  return k.exprs.map((e) => (order === "desc" ? sql`${e} DESC NULLS LAST` : sql`${e} ASC NULLS FIRST`));
}
