import { randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, jsonRequest, TEST_ORIGIN, TEST_PASSWORD, type SignedUpUser, signUp, type TestApp, createTestApp } from "../harness";
import { caller, insertRow, ok } from "../images/fixtures";
import { upload } from "../iteration/helpers";

/** Bad input is a 4xx with the product's error body, never a 500, and nothing of it is stored. */
describe("input guard: NUL, nesting, body size, dates and cursors", () => {
  let t: TestApp;
  let u: SignedUpUser;
  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
  });
  afterAll(() => t.close());

  const err = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; details?: { issues?: { path: unknown[] }[] } } }).error;
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const raw = (method: string, path: string, body: string) =>
    t.request(path, { method, headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "Content-Type": "application/json", "X-Forwarded-For": u.ip }, body });

  it("refuses U+0000 in any JSON string or key with a 400 naming the field, and stores nothing", async () => {
    const call = caller(t, u);
    const img = await insertRow(t, u.user.id, { notes: "before" });
    const cases: [string, string, unknown, unknown[]][] = [
      ["PUT", `/api/images/${img.id}`, { notes: "a\u0000b" }, ["notes"]],
      ["POST", "/api/projects", { name: "ok", tags: ["fine", "bad\u0000tag"] }, ["tags", 1]],
      ["PUT", "/api/settings", { settings: { "k\u0000": 1 } }, ["settings", "k\u0000"]],
      ["POST", `/api/images/${img.id}/comments`, { text: "\u0000" }, ["text"]],
    ];
    for (const [method, path, body, at] of cases) {
      const res = await call(path, { method, body });
      expect(res.status, path).toBe(400);
      const e = await err(res);
      expect(e.code).toBe("VALIDATION_FAILED");
      expect(e.message).toMatch(/NUL/);
      expect(e.details?.issues?.[0]?.path).toEqual(at);
    }
    expect((await ok<{ notes: string }>(call(`/api/images/${img.id}`))).notes).toBe("before");
    expect((await ok<{ items: unknown[] }>(call("/api/projects"))).items).toEqual([]);
  });

  it("refuses U+0000 in the query string and in form bodies", async () => {
    const call = caller(t, u);
    for (const path of ["/api/images?q=%00", "/api/search/projects?q=a%00b", "/api/images?tags=x%00y", "/api/dev/mailbox?to=%00"]) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect((await err(res)).message).toMatch(/NUL/);
    }
    const form = await t.request("/api/images/metadata/export", {
      method: "POST",
      headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": u.ip },
      body: "imageIds=x%00&format=csv",
    });
    expect(form.status).toBe(400);
  });

  it("refuses JSON nested deeper than 32 levels (an 8,000-level array in settings) and malformed JSON", async () => {
    const res = await raw("PUT", "/api/settings", `{"settings":{"deep":${deep(8000)}}}`);
    expect(res.status).toBe(400);
    expect((await err(res)).message).toMatch(/nested too deeply/);
    expect((await raw("PUT", "/api/settings", `{"settings":{"ok":${deep(20)}}}`)).status).toBe(200);
    expect((await raw("POST", "/api/auth/sign-up/email", `{"name":${deep(8000)}}`)).status).toBe(400);
    expect((await raw("POST", "/api/projects", '{"name":')).status).toBe(400);
    expect((await raw("POST", "/api/projects", "[".repeat(100_000))).status).toBe(400);
  });

  it("holds the 1 MB JSON limit (413) while uploads keep their own, larger limit", async () => {
    const call = caller(t, u);
    for (const size of [1.2 * 1024 * 1024, 21 * 1024 * 1024]) {
      const res = await call("/api/projects", { body: { name: "big", notes: "x".repeat(size) } });
      expect(res.status, `${size} bytes`).toBe(413);
      expect((await err(res)).code).toBe("PAYLOAD_TOO_LARGE");
    }
    const noise = await sharp(randomBytes(700 * 700 * 3), { raw: { width: 700, height: 700, channels: 3 } }).png().toBuffer();
    expect(noise.length).toBeGreaterThan(1024 * 1024);
    expect((await upload(t, u, noise)).status).toBe(201);
  });

  it("keeps free-form settings blobs small: a 600 KB project defaultParameters is a 400, not stored", async () => {
    const call = caller(t, u);
    const res = await call("/api/projects", { body: { name: "blob", settings: { defaultParameters: { big: "x".repeat(600_000) } } } });
    expect(res.status).toBe(400);
    expect((await err(res)).message).toMatch(/under 16 KB/);
    const params = await call("/api/generate/estimate", { body: { modelId: "local/sketch", operation: "text-to-image", parameters: { junk: "x".repeat(20_000) } } });
    expect(params.status).toBe(400);
  });

  it("refuses dates outside 1970–2999 in filters and the job-list cursor", async () => {
    const call = caller(t, u);
    for (const path of ["/api/images?to=9999-12-31", "/api/images?from=0000-01-01", "/api/images/metadata/export?format=csv&to=9999-12-31T00:00:00Z", "/api/generate/history?cursor=0000-01-01T00:00:00Z", "/api/generate/queue?cursor=9999-12-31T23:59:59Z"]) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect((await err(res)).message, path).toMatch(/between 1970 and 2999/);
    }
    expect((await call("/api/images?from=2020-01-01&to=2999-12-31")).status).toBe(200);
  });

  it("refuses forged gallery cursors (month 13, rating 2^40 or 1e300, NUL inside, year 0000) and follows real ones", async () => {
    const call = caller(t, u);
    const id = randomUUID();
    const ts = "2026-01-01T00:00:00.000000Z";
    const forge = (s: string, k: unknown[]) => Buffer.from(JSON.stringify({ s, o: "desc", k })).toString("base64url");
    const forged: [string, string][] = [
      ["date", forge("date", ["2026-13-01T00:00:00.000000Z", id])],
      ["date", forge("date", ["0000-01-01T00:00:00.000000Z", id])],
      ["rating", forge("rating", [2 ** 40, ts, id])],
      ["rating", forge("rating", [1e300, ts, id])],
      ["prompt", forge("prompt", ["a\u0000b", id])],
      ["model", forge("model", ["m", ts])],
    ];
    for (const [sort, cursor] of forged) {
      const res = await call(`/api/images?sort=${sort}&cursor=${cursor}`);
      expect(res.status, `${sort} ${Buffer.from(cursor, "base64url").toString()}`).toBe(400);
      expect((await err(res)).details?.issues?.[0]?.path).toEqual(["cursor"]);
    }
    for (let i = 0; i < 3; i++) await insertRow(t, u.user.id, { rating: 3 });
    for (const sort of ["date", "rating", "prompt", "model"]) {
      const first = await ok<{ nextCursor: string }>(call(`/api/images?sort=${sort}&limit=2`));
      expect((await call(`/api/images?sort=${sort}&limit=2&cursor=${first.nextCursor}`)).status, sort).toBe(200);
    }
  });

  it("hands Better Auth and form routes their bodies intact after the guard", async () => {
    const signIn = await jsonRequest(t, "/api/auth/sign-in/email", { body: { email: u.email, password: TEST_PASSWORD }, ip: u.ip });
    expect(signIn.status).toBe(200);
    expect(cookieFrom(signIn)).toMatch(/session_token/);
    const img = await insertRow(t, u.user.id);
    const form = await t.request("/api/images/metadata/export", {
      method: "POST",
      headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": u.ip },
      body: `imageIds=${img.id}&format=json`,
    });
    expect(form.status).toBe(200);
    expect(((await form.json()) as { id: string }[]).map((r) => r.id)).toEqual([img.id]);
  });

  it("answers Better Auth's bodiless 404s with the JSON error shape", async () => {
    for (const method of ["GET", "POST"]) {
      const res = await jsonRequest(t, "/api/auth/no-such-endpoint", { method, body: method === "POST" ? {} : undefined });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect((await err(res)).code).toBe("NOT_FOUND");
    }
  });
});
