import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { images } from "../../db/schema";

/**
 * A gallery tile's JSON text, made by PostgreSQL exactly as `JSON.stringify(toSummary(row))` writes it (same keys in
 * the same order, no whitespace, the same string escapes, dates as `toISOString()` gives them): the page is sent
 * as the database wrote it, without a JSON.parse, twenty objects and a JSON.stringify per tile in this process.
 *
 * The database writes it once per insert and update into `images.tile_json` (`tileOrNull` below, as the
 * `images_tile_json` trigger function of migration 0021): the page reads the column, not this expression (≈ 180 µs
 * of PostgreSQL's CPU less per page of 50). Keep it in step with `toSummary` (images.mapper.ts): list.test.ts
 * compares the two, text for text; test/images/tile-json.test.ts fails when this file and the database's trigger
 * function differ — a change here is a new migration that replaces the function and rewrites the column
 * (`UPDATE images SET tile_json = NULL` fires the trigger on every row).
 */
const jsonOf = (e: SQL | AnyColumn) => sql`to_json(${e})::text`;
const orNull = (e: SQL) => sql`coalesce(${e}, 'null')`;
const quoted = (e: SQL) => sql`'"' || ${e} || '"'`;
const isoMs = (col: AnyColumn) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const TILE_FIELDS: [string, SQL][] = [
  ["id", quoted(sql`${images.id}::text`)],
  ["projectId", orNull(quoted(sql`${images.projectId}::text`))],
  ["prompt", jsonOf(sql`left(${images.prompt}, 300)`)],
  ["altText", jsonOf(images.altText)],
  ["modelId", jsonOf(images.modelId)],
  ["width", sql`${images.width}::text`],
  ["height", sql`${images.height}::text`],
  ["fileSize", sql`${images.fileSize}::text`],
  ["format", jsonOf(images.format)],
  ["mediaType", jsonOf(images.mediaType)],
  ["durationSeconds", orNull(sql`${images.durationSeconds}::text`)],
  ["thumbhash", orNull(jsonOf(images.thumbhash))],
  ["isFavorite", sql`${images.isFavorite}::text`],
  ["rating", orNull(sql`${images.rating}::text`)],
  ["tags", sql`array_to_json(${images.tags})::text`],
  ["parentImageId", orNull(quoted(sql`${images.parentImageId}::text`))],
  ["operation", jsonOf(images.operation)],
  ["createdAt", quoted(isoMs(images.createdAt))],
  ["deletedAt", orNull(quoted(isoMs(images.deletedAt)))],
  ["version", sql`${images.version}::text`],
];
const tileJson = sql`${sql.join(
  TILE_FIELDS.map(([key, value], i) => sql`${sql.raw(`'${i === 0 ? "{" : ","}"${key}":'`)} || ${value}`),
  sql` || `,
)} || '}'`;

/**
 * Where PostgreSQL's text and JavaScript's could part ways, the row is made by `toSummary` instead (the tile then
 * starts with `[`, the packed row of `unpackSummary`): a duration JavaScript would write in exponent form (or not
 * a finite number, or -0), a date outside years 1–9999 (`toISOString` writes those differently), and a cut prompt
 * with characters outside the BMP (JavaScript counts them as two when it cuts at 300).
 */
const inRange = (col: AnyColumn) => sql`${col} >= '0001-01-01T00:00:00Z' AND ${col} < '10000-01-01T00:00:00Z'`;
const tileJsonExact = sql`(${images.durationSeconds} IS NULL OR (abs(${images.durationSeconds}) >= 1e-4 AND abs(${images.durationSeconds}) < 1e15))
  AND ${inRange(images.createdAt)} AND (${images.deletedAt} IS NULL OR (${inRange(images.deletedAt)}))
  AND (octet_length(${images.prompt}) <= 300 OR left(${images.prompt}, 300) !~ '[\\U00010000-\\U0010FFFF]')`;

/** The tile's JSON text where PostgreSQL writes it exactly, else null (the trigger's expression, on `images`). */
export const tileOrNull = sql`CASE WHEN ${tileJsonExact} THEN ${tileJson} END`;
