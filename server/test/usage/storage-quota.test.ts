import { errorBodySchema, storageUsageSchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue } from "../../src/db/schema";
import { insertRow } from "../images/fixtures";
import { cookieFrom, createTestApp, jsonRequest, randomIp, signUp, type SignedUpUser, type TestApp } from "../harness";
import { makePng, upload, uploadsOf } from "../iteration/helpers";

const MB = 1024 * 1024;

describe("storage: uploads are counted, and a per-user quota holds", () => {
  let t: TestApp;
  const adminEmail = `admin-${Date.now()}@example.test`;
  beforeAll(async () => {
    t = await createTestApp({ STORAGE_QUOTA_MB: "1", ADMIN_EMAILS: adminEmail });
  });
  afterAll(() => t.close());

  const usage = async (u: SignedUpUser) =>
    storageUsageSchema.parse(await (await jsonRequest(t, "/api/usage/storage", { cookie: u.cookie, ip: u.ip })).json());

  it("counts uploaded bytes in /api/usage/storage, with the quota", async () => {
    const u = await signUp(t);
    const a = await upload(t, u, await makePng({ width: 120, height: 90 }));
    const b = await upload(t, u, await makePng({ width: 60, height: 60, hue: 90 }));
    expect([a.status, b.status]).toEqual([201, 201]);
    const stored = await uploadsOf(t, u.user.id);
    expect(stored).toBe(2);
    const report = await usage(u);
    expect(report.uploads.count).toBe(2);
    expect(report.uploads.bytes).toBeGreaterThan(0);
    expect(report.used).toBe(report.total.bytes + report.trash.bytes + report.uploads.bytes);
    expect(report.quota).toBe(1 * MB);
  });

  it("refuses an upload and a generation that would pass the quota with 413 and a clear message, storing nothing", async () => {
    const u = await signUp(t);
    await insertRow(t, u.user.id, { fileSize: MB - 2_000 }); // almost full
    const png = await makePng({ width: 200, height: 200, noise: 4000 });
    const res = await upload(t, u, png);
    expect(res.status).toBe(413);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.message).toMatch(/Your storage is full: .* of 1 MB used/);
    expect(body.error.details).toMatchObject({ reason: "STORAGE_QUOTA", quota: MB });
    expect(await uploadsOf(t, u.user.id)).toBe(0);

    await insertRow(t, u.user.id, { fileSize: 5_000, deletedAt: new Date() }); // the trash counts too: now full
    const gen = await jsonRequest(t, "/api/generate/text-to-image", {
      body: { prompt: "one more", modelId: "local/sketch" },
      cookie: u.cookie,
      ip: u.ip,
    });
    expect(gen.status).toBe(413);
    expect(errorBodySchema.parse(await gen.json()).error.message).toMatch(/empty the trash/);
    expect(
      await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, u.user.id)),
    ).toHaveLength(0);
    expect((await usage(u)).used).toBeGreaterThan(MB);
  });

  it("does not limit admins", async () => {
    const admin = await signUp(t, { email: adminEmail });
    await insertRow(t, admin.user.id, { fileSize: 2 * MB });
    expect((await upload(t, admin, await makePng())).status).toBe(201);
    expect((await usage(admin)).quota).toBeNull();
  });
});

describe("guests have their own, smaller quota", () => {
  it("applies GUEST_STORAGE_QUOTA_MB to a guest", async () => {
    const t = await createTestApp({ STORAGE_QUOTA_MB: "500", GUEST_STORAGE_QUOTA_MB: "1" });
    try {
      const ip = randomIp();
      const cookie = cookieFrom(await jsonRequest(t, "/api/auth/sign-in/anonymous", { body: {}, ip }));
      const report = storageUsageSchema.parse(
        await (await jsonRequest(t, "/api/usage/storage", { cookie, ip })).json(),
      );
      expect(report.quota).toBe(1 * MB);
    } finally {
      await t.close();
    }
  });
});
