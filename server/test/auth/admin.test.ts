import { randomUUID } from "node:crypto";
import { adminStatsSchema, adminUsersResponseSchema } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_ADMIN_KEY } from "../../src/auth/auth.repo";
import { appMeta, creditTransactions } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";
import { expectError } from "./helpers";

describe("admin: roles, users and stats", () => {
  const adminEmail = `boss-${randomUUID()}@example.test`;
  let t: TestApp;
  let admin: SignedUpUser;
  beforeAll(async () => {
    // Its own database: the first-admin claim below is install-wide, and a test file running alongside would take it.
    t = await createTestApp({ ADMIN_EMAILS: `someone@else.test, ${adminEmail.toUpperCase()}`, SIGNUP_CREDITS: "100" }, { ownDatabase: true });
    admin = await signUp(t, { email: adminEmail, name: "Boss" });
  });
  afterAll(() => t.close());

  const call = (path: string, init: { method?: string; body?: unknown; as?: SignedUpUser } = {}) =>
    jsonRequest(t, path, { method: init.method, body: init.body, cookie: (init.as ?? admin).cookie });

  it("makes ADMIN_EMAILS users admins and keeps everyone else out of the admin API", async () => {
    expect(admin.user.role).toBe("admin");
    const user = await signUp(t);
    expect(user.user.role).toBe("user");
    await expectError(await call("/api/admin/users", { as: user }), 403, "FORBIDDEN");
    await expectError(await call("/api/admin/stats", { as: user }), 403, "FORBIDDEN");
    await expectError(await jsonRequest(t, "/api/admin/users"), 401, "UNAUTHORIZED");
    await expectError(
      await call(`/api/admin/users/${admin.user.id}/credits`, { as: user, body: { amount: 5, note: "x" } }),
      403,
      "FORBIDDEN",
    );
  });

  it("makes the first user of a fresh install an admin", async () => {
    const db = t.deps.database.db;
    await db.delete(appMeta).where(eq(appMeta.key, FIRST_ADMIN_KEY));
    const first = await signUp(t);
    const second = await signUp(t);
    expect(first.user.role).toBe("admin");
    expect(second.user.role).toBe("user");
  });

  it("searches and pages through users", async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 3; i++) await signUp(t, { email: `find-${tag}-${i}@example.test`, name: `Findable ${i}` });
    const page1 = adminUsersResponseSchema.parse(
      await (await call(`/api/admin/users?q=find-${tag}&pageSize=2&page=1`)).json(),
    );
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    const page2 = adminUsersResponseSchema.parse(
      await (await call(`/api/admin/users?q=FIND-${tag}&pageSize=2&page=2`)).json(),
    );
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((u) => u.email)).size).toBe(3);
    await expectError(await call("/api/admin/users?pageSize=100000"), 400, "VALIDATION_FAILED");
    const none = adminUsersResponseSchema.parse(
      await (await call(`/api/admin/users?q=${encodeURIComponent("%_")}`)).json(),
    );
    expect(none.items).toEqual([]); // wildcards are matched literally
  });

  it("bans (signing the user out everywhere) and unbans", async () => {
    const u = await signUp(t);
    const ban = await call(`/api/admin/users/${u.user.id}/ban`, { body: { reason: "spam" } });
    expect(ban.status).toBe(200);
    expect(await ban.json()).toMatchObject({ banned: true, banReason: "spam" });
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
    await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
      403,
      "FORBIDDEN",
    );
    const banned = adminUsersResponseSchema.parse(
      await (await call(`/api/admin/users?status=banned&q=${u.email}`)).json(),
    );
    expect(banned.items.map((x) => x.id)).toEqual([u.user.id]);

    expect((await call(`/api/admin/users/${u.user.id}/unban`, { body: {} })).status).toBe(200);
    expect((await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } })).status).toBe(
      200,
    );
    await expectError(await call(`/api/admin/users/${admin.user.id}/ban`, { body: {} }), 400, "BAD_REQUEST");
    await expectError(await call(`/api/admin/users/${randomUUID()}/ban`, { body: {} }), 404, "NOT_FOUND");
  });

  it("adjusts credits with an 'adjust' transaction and refuses to go below zero", async () => {
    const u = await signUp(t);
    const res = await call(`/api/admin/users/${u.user.id}/credits`, { body: { amount: 40, note: "Contest prize" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ userId: u.user.id, balance: 140 });
    const rows = await t.deps.database.db
      .select()
      .from(creditTransactions)
      .where(and(eq(creditTransactions.userId, u.user.id), eq(creditTransactions.kind, "adjust")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      amount: 40,
      balanceAfter: 140,
      note: "Contest prize",
      meta: { adminId: admin.user.id },
    });
    await expectError(
      await call(`/api/admin/users/${u.user.id}/credits`, { body: { amount: -1000, note: "Too much" } }),
      409,
      "CONFLICT",
    );
    await expectError(
      await call(`/api/admin/users/${u.user.id}/credits`, { body: { amount: 0, note: "Nothing" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await call(`/api/admin/users/${u.user.id}/credits`, { body: { amount: 1.5, note: "Half" } }),
      400,
      "VALIDATION_FAILED",
    );
    const me = (await (await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).json()) as {
      user: { creditsBalance: number };
    };
    expect(me.user.creditsBalance).toBe(140);
  });

  it("deactivates and promotes users", async () => {
    const u = await signUp(t);
    const off = await call(`/api/admin/users/${u.user.id}`, { method: "PATCH", body: { isActive: false } });
    expect(await off.json()).toMatchObject({ isActive: false });
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
    const up = await call(`/api/admin/users/${u.user.id}`, {
      method: "PATCH",
      body: { isActive: true, role: "admin" },
    });
    expect(await up.json()).toMatchObject({ isActive: true, role: "admin" });
    await expectError(
      await call(`/api/admin/users/${admin.user.id}`, { method: "PATCH", body: { role: "user" } }),
      400,
      "BAD_REQUEST",
    );
  });

  it("reports stats", async () => {
    const res = await call("/api/admin/stats");
    expect(res.status).toBe(200);
    const stats = adminStatsSchema.parse(await res.json());
    expect(stats.users.total).toBeGreaterThanOrEqual(2);
    expect(stats.users.admins).toBeGreaterThanOrEqual(1);
    expect(stats.users.activeLast24Hours).toBeGreaterThanOrEqual(1);
    expect(stats.credits.granted).toBeGreaterThanOrEqual(100);
  });
});
