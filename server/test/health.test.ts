import { errorBodySchema, healthSchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./harness";

describe("GET /api/health", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("reports database, storage and image engine as healthy", async () => {
    const res = await t.request("/api/health");
    expect(res.status).toBe(200);
    const body = healthSchema.parse(await res.json());
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(["pglite", "postgres"]).toContain(body.database.kind);
    expect(body.storage.ok).toBe(true);
    expect(body.imageEngine).toMatchObject({ kind: "local", label: expect.stringContaining("not AI") });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("sends security headers", async () => {
    const res = await t.request("/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline"); // scripts are never inline
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("answers unknown API routes with the error body", async () => {
    const res = await t.request("/api/nope", { headers: { "x-request-id": "abcdef123456" } });
    expect(res.status).toBe(404);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.requestId).toBe("abcdef123456");
  });

  it("reports a broken storage as degraded with 503", async () => {
    const broken = await createTestApp();
    broken.deps.storage = { ...broken.deps.storage, kind: broken.deps.storage.kind, check: async () => ({ ok: false, detail: "disk gone" }) } as typeof broken.deps.storage;
    const res = await broken.request("/api/health");
    expect(res.status).toBe(503);
    const body = healthSchema.parse(await res.json());
    expect(body.status).toBe("degraded");
    expect(body.storage.detail).toBe("disk gone");
    await broken.close();
  });
});
