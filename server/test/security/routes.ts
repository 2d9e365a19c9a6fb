import { TEST_ORIGIN, jsonRequest, type SignedUpUser, type TestApp } from "../harness";
import { makePng } from "../images/fixtures";
import type { Row } from "./matrix";
import type { Ids } from "./world";

/** `/api/images/:id{[0-9a-fA-F-]{36}}/file/:variant` → `/api/images/:id/file/:variant` (balanced braces dropped). */
export function stripPatterns(path: string): string {
  let out = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Every /api route of an app, as `METHOD /path` (middleware-only `ALL` entries left out), sorted and unique. */
export function apiRoutes(app: { routes: { method: string; path: string }[] }): string[] {
  const keys = app.routes
    .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
    .map((r) => `${r.method} ${stripPatterns(r.path)}`);
  return [...new Set(keys)].sort();
}

const PARAM_KINDS: Record<string, keyof Ids> = { id: "id", imageId: "image", commentId: "comment", userId: "user", deliveryId: "webhookDelivery" };

/** The concrete path of a row: its own `path`, or the key's path with each `:param` filled from the ids. */
export function pathOf(key: string, row: Row, ids: Ids): string {
  if (row.path) return row.path(ids);
  const path = key.slice(key.indexOf(" ") + 1);
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const id = ids[PARAM_KINDS[name] ?? "id"];
    if (!id) throw new Error(`no id for :${name} in ${key}`);
    return id;
  });
}

export const bodyOf = (row: Row, ids: Ids): unknown => (typeof row.body === "function" ? (row.body as (i: Ids) => unknown)(ids) : row.body);

/** One call of a row as `who` (null: anonymous): JSON, a multipart upload, or a stream whose body is dropped. */
export async function send(t: TestApp, who: SignedUpUser | null, key: string, row: Row, ids: Ids, init: { path?: string; body?: unknown; rawBody?: string } = {}): Promise<Response> {
  const method = key.slice(0, key.indexOf(" "));
  const path = init.path ?? pathOf(key, row, ids) + queryString(row.query);
  if (row.multipart) return multipart(t, who, path, await pngOf());
  if (init.rawBody !== undefined) {
    const headers: Record<string, string> = { Origin: TEST_ORIGIN, "Content-Type": "application/json", "X-Forwarded-For": who?.ip ?? "10.99.0.1" };
    if (who) headers.Cookie = who.cookie;
    return t.request(path, { method, headers, body: init.rawBody });
  }
  const body = "body" in init ? init.body : bodyOf(row, ids);
  const res = await jsonRequest(t, path, { method, body, cookie: who?.cookie, ip: who?.ip });
  if (row.stream && res.status < 400) await res.body?.cancel();
  return res;
}

export const queryString = (q?: Record<string, string>) => (q && Object.keys(q).length ? `?${new URLSearchParams(q)}` : "");

let png: Buffer | undefined;
async function pngOf(): Promise<Buffer> {
  return (png ??= await makePng({ width: 300, height: 300, hue: 30 }));
}

/** A PNG in the multipart field `file`, as the upload and avatar forms send it. */
function multipart(t: TestApp, who: SignedUpUser | null, path: string, data: Buffer) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(data)], { type: "image/png" }), "image.png");
  const headers: Record<string, string> = { Origin: TEST_ORIGIN, "X-Forwarded-For": who?.ip ?? "10.99.0.2" };
  if (who) headers.Cookie = who.cookie;
  return t.request(path, { method: "POST", headers, body: form });
}
