import { randomBytes, randomUUID } from "node:crypto";
import type { ApiKeyScope } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signUp } from "../harness";
import { makePng } from "../images/fixtures";
import { MATRIX, type Row } from "../security/matrix";
import { apiRoutes, bodyOf, pathOf, queryString } from "../security/routes";
import { fresh, type Ids, type World } from "../security/world";
import { createKey, reasonOf } from "./helpers";

/**
 * The route table walked with API keys: every /api route of the app, called with a key of each scope, against an
 * independent statement of the rules (docs/api.md "Scopes"):
  *   denied    account, auth, keys, teams, webhook endpoints, admin, sync, dev, settings and fal's callback — any key, 403
 *   read      GET routes, and the POSTs that only read (exports, bulk download)
 *   generate  the generation and iteration POSTs, job cancel/retry, batches and the waiting line's order, uploads
 *   manage    every other write to images, projects, collections, prompts and share links
 * A key with the needed scope gets what the owner gets (the matrix's status); any other key gets 403.
 */
const DENIED = /^\/api\/(auth|account|admin|keys|webhook-endpoints|sync|dev|settings|webhooks|notifications|teams)(\/|$)/;
const GENERATE = new Set([
  "POST /api/generate/text-to-image",
  "POST /api/images/generate",
  "POST /api/generate/estimate",
  "POST /api/generate/image-to-image",
  "POST /api/generate/batch",
  "DELETE /api/generate/queue/:id",
  "POST /api/generate/queue/:id/retry",
  "POST /api/uploads",
  "POST /api/images/:id/variation",
  "POST /api/images/:id/upscale",
  "POST /api/images/:id/remix",
  "POST /api/images/:id/inpaint",
  "POST /api/images/:id/outpaint",
  "POST /api/images/:id/remove-background",
  "POST /api/images/:id/style-transfer",
  "POST /api/images/:id/animate",
]);
const READ_POSTS = new Set([
  "POST /api/images/metadata/export",
  "POST /api/images/bulk-download",
  "POST /api/projects/:id/export",
]);

function rule(key: string): ApiKeyScope | "denied" {
  const [method, path] = key.split(" ") as [string, string];
  if (DENIED.test(path)) return "denied";
  if (method === "GET" || READ_POSTS.has(key)) return "read";
  if (GENERATE.has(key) || path.startsWith("/api/generate/")) return "generate";
  if (/^\/api\/(images|projects|collections|prompts|share)(\/|$)/.test(path)) return "manage";
  return "denied";
}

let w: World;
const keys = {} as Record<ApiKeyScope | "all", string>;

beforeAll(async () => {
  const adminEmail = `admin-${randomUUID()}@example.test`;
  const t = await createTestApp({
    ADMIN_EMAILS: adminEmail,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    API_KEY_RATE_LIMIT_PER_MINUTE: "100000",
  });
  const [owner, other, admin] = await Promise.all([signUp(t), signUp(t), signUp(t, { email: adminEmail })]);
  w = { t, owner, other, admin, marker: `secret-${randomUUID()}`, png: await makePng({ hue: 200 }) };
  for (const s of ["read", "generate", "manage"] as const) keys[s] = (await createKey(t, owner, [s])).key;
  keys.all = (await createKey(t, owner, ["read", "generate", "manage"])).key;
});
afterAll(() => w?.t.close());

/** Ids for a row's path: real fresh resources when the call may run, any UUIDs when it is refused up front. */
async function idsFor(row: Row, real: boolean): Promise<Ids> {
  // Share tokens are not UUIDs (43 base64url characters): a made-up one must still match the route's pattern.
  if (!real) return new Proxy({} as Ids, { get: (_, k) => (k === "share" || (k === "id" && row.kind === "share") ? randomBytes(32).toString("base64url") : randomUUID()) });
  const kinds = [...(row.kind ? [row.kind] : []), ...(row.also ?? [])];
  const ids = await fresh(w, kinds);
  if (row.kind) ids.id = ids[row.kind];
  return ids;
}

/** One call of a row as a script makes it: the key in the header, no cookie, no Origin. */
async function call(routeKey: string, row: Row, ids: Ids, key: string): Promise<Response> {
  const method = routeKey.slice(0, routeKey.indexOf(" "));
  const path = pathOf(routeKey, row, ids) + queryString(row.query);
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, "X-Forwarded-For": w.owner.ip };
  let body: RequestInit["body"];
  if (row.multipart) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(w.png)], { type: "image/png" }), "image.png");
    body = form;
  } else {
    const json = bodyOf(row, ids);
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    }
  }
  const res = await w.t.request(path, { method, headers, body });
  if (row.stream && res.status < 400) await res.body?.cancel();
  return res;
}

describe("API keys over the whole route table", () => {
  it("the rules above name every route of the app's table (a new route must be classified)", () => {
    const routes = apiRoutes(w.t.app);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
  });

  for (const [routeKey, row] of Object.entries(MATRIX)) {
    const need = rule(routeKey);
    if (row.noCall) {
      it.skip(`${routeKey} (not called: ${row.noCall})`, () => {});
      continue;
    }
    it(`${routeKey} — ${need === "denied" ? "no key may call it" : `needs ${need}`}`, async () => {
      if (need === "denied") {
        const res = await call(routeKey, row, await idsFor(row, false), keys.all);
        expect(res.status, (await res.clone().text()).slice(0, 200)).toBe(403);
        expect(await reasonOf(res)).toBe("API_KEY_ROUTE_NOT_ALLOWED");
        return;
      }
      for (const s of (["read", "generate", "manage"] as const).filter((x) => x !== need)) {
        const res = await call(routeKey, row, await idsFor(row, false), keys[s]);
        expect(res.status, `a ${s} key`).toBe(403);
        expect(await reasonOf(res), `a ${s} key`).toBe("API_KEY_SCOPE_MISSING");
      }
      const res = await call(routeKey, row, await idsFor(row, true), keys[need]);
      const text = row.stream ? "" : await res.clone().text();
      if (row.healthReport && res.status === 503) return;
      if (row.access === "public" && !row.status) expect(res.status, text.slice(0, 200)).toBeLessThan(500);
      else expect(res.status, `a ${need} key: ${text.slice(0, 200)}`).toBe(row.status ?? 200);
    });
  }
});
