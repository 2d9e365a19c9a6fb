import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_EXPIRES_IN } from "../../src/auth/auth";
import { rawCookies, TokenMemo } from "../../src/auth/session-fast";
import { accounts, sessions, users } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";
import { expectError } from "./helpers";

/** Which way the session middleware resolved the request (its Server-Timing entry). */
const pathOf = (res: Response) => /session;desc="(\w+)"/.exec(res.headers.get("server-timing") ?? "")?.[1];

describe("session check: one query per request, revocation still immediate", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const db = () => t.deps.database.db;

  it("takes the fast path once Better Auth has verified the cookie, and answers the same", async () => {
    const u = await signUp(t);
    const first = await jsonRequest(t, "/api/auth/me", { cookie: u.cookie });
    const second = await jsonRequest(t, "/api/auth/me", { cookie: u.cookie });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(pathOf(second)).toBe("fast");
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual(a);
    expect(b).toMatchObject({ user: { id: u.user.id, email: u.email } });
  });

  it("answers /me and /session from the session check's own query, current to the row and the password flag", async () => {
    const u = await signUp(t);
    const slow = await (await jsonRequest(t, "/api/auth/session", { cookie: u.cookie })).json();
    const fast = await jsonRequest(t, "/api/auth/session", { cookie: u.cookie });
    expect(pathOf(fast)).toBe("fast");
    expect(await fast.json()).toEqual(slow);
    expect(slow).toMatchObject({ user: { id: u.user.id, hasPassword: true } });
    // Changed behind the process's back: the very next answer shows it.
    await db().update(users).set({ name: "Renamed Elsewhere", creditsBalance: 7 }).where(eq(users.id, u.user.id));
    await db().delete(accounts).where(eq(accounts.userId, u.user.id));
    const me = await jsonRequest(t, "/api/auth/me", { cookie: u.cookie });
    expect(pathOf(me)).toBe("fast");
    expect(await me.json()).toMatchObject({ user: { name: "Renamed Elsewhere", creditsBalance: 7, hasPassword: false } });
  });

  it("refuses a session deleted behind its back (another process's sign-out) on the next request", async () => {
    const u = await signUp(t);
    expect(pathOf(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }))).toBeDefined();
    expect(pathOf(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }))).toBe("fast");
    await db().delete(sessions).where(eq(sessions.userId, u.user.id));
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
  });

  it("refuses a banned or deactivated user's session on the next request", async () => {
    const banned = await signUp(t);
    const off = await signUp(t);
    for (const u of [banned, off]) expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
    await db().update(users).set({ banned: true }).where(eq(users.id, banned.user.id));
    await db().update(users).set({ isActive: false }).where(eq(users.id, off.user.id));
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: banned.cookie }), 401, "UNAUTHORIZED");
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: off.cookie }), 401, "UNAUTHORIZED");
  });

  it("sees a role change on the next request", async () => {
    const u = await signUp(t);
    expect((await jsonRequest(t, "/api/admin/users", { cookie: u.cookie })).status).toBe(403);
    await db().update(users).set({ role: "admin" }).where(eq(users.id, u.user.id));
    const res = await jsonRequest(t, "/api/admin/users", { cookie: u.cookie });
    expect(res.status).toBe(200);
  });

  it("never admits a cookie whose signature Better Auth did not verify", async () => {
    const u = await signUp(t);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
    const forged = u.cookie.replace(/(session_token=[^.;]+\.)([^;]+)/, (_m, head: string, sig: string) => head + (sig.startsWith("A") ? "B" : "A") + sig.slice(1));
    expect(forged).not.toBe(u.cookie);
    const res = await jsonRequest(t, "/api/auth/me", { cookie: forged });
    await expectError(res, 401, "UNAUTHORIZED");
  });

  it("refuses an expired session, and leaves the sliding refresh to Better Auth", async () => {
    const u = await signUp(t);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
    // Refresh due (updateAge is a day): the request goes Better Auth's way and comes back with a new expiry.
    const stale = new Date(Date.now() + (SESSION_EXPIRES_IN - 2 * 24 * 3600) * 1000);
    await db().update(sessions).set({ expiresAt: stale }).where(eq(sessions.userId, u.user.id));
    const refreshed = await jsonRequest(t, "/api/auth/me", { cookie: u.cookie });
    expect(refreshed.status).toBe(200);
    expect(pathOf(refreshed)).toBe("full");
    expect(refreshed.headers.getSetCookie().some((c) => c.includes("session_token="))).toBe(true);
    // (sign-up leaves two sessions: the one behind this cookie moved out, the unused one did not)
    const rows = await db().select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, u.user.id));
    expect(Math.max(...rows.map((r) => r.expiresAt.getTime()))).toBeGreaterThan(stale.getTime());
    // Expired: refused.
    await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, u.user.id));
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
  });
});

describe("session check helpers", () => {
  it("reads raw cookie values, first one wins", () => {
    const c = rawCookies("a=1; image-studio.session_token=abc.def%3D; a=2; junk; =x");
    expect(c.get("a")).toBe("1");
    expect(c.get("image-studio.session_token")).toBe("abc.def%3D");
    expect(c.size).toBe(2);
  });

  it("forgets the oldest memo entries past its bound", () => {
    const m = new TokenMemo(2);
    m.set("s1", "t1");
    m.set("s2", "t2");
    m.set("s3", "t3");
    expect(m.get("s1")).toBeUndefined();
    expect(m.get("s3")).toBe("t3");
    expect(m.size).toBe(2);
  });
});
