import { DATE_MAX, DATE_MIN, type ImageSort } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import { AppError } from "../../lib/errors";
import { sortKey } from "./images.query";

/**
 * Opaque keyset cursors: the sort, the order and the sort-key values of the last row of a page. A cursor made
 * for one sort is refused for another (the client restarts from the first page). Cursors come back from the
 * client, so every value is checked against the cast it gets in SQL: a forged one is a 400, never a 500.
 */
interface CursorBody {
  s: ImageSort;
  o: "asc" | "desc";
  k: unknown[];
}

export function encodeCursor(sort: ImageSort, order: "asc" | "desc", keyJson: string): string {
  const body: CursorBody = { s: sort, o: order, k: JSON.parse(keyJson) as unknown[] };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

const TS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longest text sort key (a prompt) a cursor may carry. */
const TEXT_MAX = 4000;

/** A UTC timestamp that exists (no month 13, no 31 February) and lies in the range dates may take. */
function isTimestamp(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const m = TS.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  const exists = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s;
  return exists && t >= Date.parse(DATE_MIN) && t <= Date.parse(DATE_MAX);
}

const FITS: Record<string, (v: unknown) => boolean> = {
  timestamptz: isTimestamp,
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 - 1,
  uuid: (v) => typeof v === "string" && UUID.test(v),
  text: (v) => typeof v === "string" && v.length <= TEXT_MAX && !v.includes("\0"),
};

export function decodeCursor(cursor: string, sort: ImageSort, order: "asc" | "desc"): unknown[] {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorBody;
  } catch {
    throw invalid();
  }
  if (!body || body.s !== sort || body.o !== order || !Array.isArray(body.k)) throw invalid();
  const { casts } = sortKey(sort);
  if (body.k.length !== casts.length || !casts.every((cast, i) => (FITS[cast] ?? FITS.text!)(body.k[i]))) throw invalid();
  return body.k;
}

const invalid = () =>
  new AppError("VALIDATION_FAILED", msg("request.galleryLinkExpired"), { issues: [{ path: ["cursor"], message: msg("issue.invalidCursor") }] });
