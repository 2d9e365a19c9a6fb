import type { Ids, Kind } from "./world";

/** The row types of the access matrix (matrix.ts) and the helpers that make rows. */
export type Body = Record<string, unknown> | ((ids: Ids) => unknown);
export interface RowOptions {
  body?: Body;
  query?: Record<string, string>;
  /** Expected status for the caller who may use the route (default 200). */
  status?: number;
  /** Expected status for another user (owned rows; default 404). */
  other?: number;
  /** A concrete path when the key's parameters are not ids (model ids, file variants, catch-alls). */
  path?: (ids: Ids) => string;
  /** Extra resources the body refers to. */
  also?: Kind[];
  /** Run as a throwaway user (the call signs out or deletes its caller). */
  throwaway?: boolean;
  /** A multipart upload instead of JSON. */
  multipart?: "upload" | "avatar";
  /** A long-lived stream (SSE): only the status is read. */
  stream?: boolean;
  /**
   * A health report that answers 503 with `status: "degraded"` when a component is down — on the shared PostgreSQL
   * test database, other files' jobs may wait with no worker. That 503 is the report, not a server error.
   */
  healthReport?: boolean;
  /** Never called by the suite (it would disturb other test files sharing the database); the reason says why. */
  noCall?: string;
}
export interface Row extends RowOptions {
  access: "public" | "user" | "owned" | "admin";
  kind?: Kind;
  reason?: string;
}

export const pub = (reason: string, opts: RowOptions = {}): Row => ({ access: "public", reason, ...opts });
export const user = (opts: RowOptions = {}): Row => ({ access: "user", ...opts });
export const owned = (kind: Kind, opts: RowOptions = {}): Row => ({ access: "owned", kind, ...opts });
export const admin = (kind?: Kind, opts: RowOptions = {}): Row => ({ access: "admin", kind, ...opts });

/** A body naming the fresh image: `{ imageIds: [id] }`. */
export const ids1 = (i: Ids) => ({ imageIds: [i.image] });
