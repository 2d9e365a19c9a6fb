import type { ImageSort } from "@image-studio/shared";
import { AppError } from "../../lib/errors";

/**
 * Opaque keyset cursors: the sort, the order and the sort-key values of the last row of a page. A cursor made
 * for one sort is refused for another (the client restarts from the first page).
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

export function decodeCursor(cursor: string, sort: ImageSort, order: "asc" | "desc"): unknown[] {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorBody;
  } catch {
    throw invalid();
  }
  if (!body || body.s !== sort || body.o !== order || !Array.isArray(body.k) || body.k.length < 1 || body.k.length > 3) throw invalid();
  if (body.k.some((v) => v !== null && typeof v !== "string" && typeof v !== "number")) throw invalid();
  const id = body.k[body.k.length - 1];
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid();
  return body.k;
}

const invalid = () =>
  new AppError("VALIDATION_FAILED", "This page link has expired; reload the gallery", { issues: [{ path: ["cursor"], message: "Invalid cursor" }] });
