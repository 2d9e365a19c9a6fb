import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_EXPIRES_IN } from "../../src/auth/auth";
import type { PGlite } from "@electric-sql/pglite";
import { SessionCache } from "../../src/auth/session-cache";
import { rawCookies, type SessionFacts, TokenMemo } from "../../src/auth/session-fast";
import { accounts, sessions, users } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";
import { expectError } from "./helpers";

/** Which way the session middleware resolved the request (its Server-Timing entry). */
const pathOf = (res: Response) => /session;desc="(\w+)"/.exec(res.headers.get("server-timing") ?? "")?.[1];

describe("session check: one query per request (remembered on PGlite until a write), revocation still immediate", () => {
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

  // On PGlite the answers are also remembered, until anything they read is written (session-cache.ts).
  const pglite = () => t.deps.database.kind === "pglite";
  const me = async (cookie: string) => {
    const res = await jsonRequest(t, "/api/auth/me", { cookie });
    return { res, path: pathOf(res), body: res.status === 200 ? ((await res.json()) as { user: { name: string; hasPassword: boolean } }) : undefined };
  };

  it("answers from memory after one read on PGlite, never on PostgreSQL", async () => {
    const u = await signUp(t);
    await me(u.cookie);
    expect((await me(u.cookie)).path).toBe("fast");
    const third = await me(u.cookie);
    expect(third.path).toBe(pglite() ? "cached" : "fast");
    expect(third.body).toMatchObject({ user: { id: u.user.id, email: u.email } });
    // /session and the other routes share the remembered rows.
    expect(pathOf(await jsonRequest(t, "/api/auth/session", { cookie: u.cookie }))).toBe(pglite() ? "cached" : "fast");
  });

  it("is what answers: a change written without its notification is not seen, the next notified write is", async () => {
    if (!pglite()) return; // PostgreSQL: nothing remembered (the tests above see every change at once)
    const u = await signUp(t);
    await me(u.cookie);
    await me(u.cookie);
    const client = (db() as unknown as { $client: PGlite }).$client;
    // Triggers off for this one statement: no other write path does this.
    await client.exec(`SET session_replication_role = replica; UPDATE users SET name = 'Unseen' WHERE id = '${u.user.id}'; SET session_replication_role = DEFAULT;`);
    expect((await me(u.cookie)).body?.user.name).toBe("Test User");
    // Any write to the watched tables forgets every remembered answer — here another account's.
    const other = await signUp(t);
    await db().update(users).set({ name: "Someone Else" }).where(eq(users.id, other.user.id));
    const after = await me(u.cookie);
    expect(after.path).toBe("fast");
    expect(after.body?.user.name).toBe("Unseen");
  });

  it("sees every kind of change on the next request: profile, password flag, sign-out, revocation in a transaction", async () => {
    const u = await signUp(t);
    for (let i = 0; i < 3; i++) await me(u.cookie);
    await db().update(users).set({ name: "Renamed" }).where(eq(users.id, u.user.id));
    expect((await me(u.cookie)).body?.user.name).toBe("Renamed");
    await me(u.cookie);
    await db().delete(accounts).where(eq(accounts.userId, u.user.id));
    expect((await me(u.cookie)).body?.user.hasPassword).toBe(false);
    await me(u.cookie);
    // A rolled-back revocation changes nothing; a committed one ends the session at once.
    await expect(
      db().transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.userId, u.user.id));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await me(u.cookie)).res.status).toBe(200);
    await db().transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.userId, u.user.id));
    });
    await expectError((await me(u.cookie)).res, 401, "UNAUTHORIZED");
    // Signing out through the API, from a remembered session.
    const v = await signUp(t);
    for (let i = 0; i < 3; i++) await me(v.cookie);
    expect((await jsonRequest(t, "/api/auth/logout", { body: {}, cookie: v.cookie })).status).toBe(200);
    await expectError((await me(v.cookie)).res, 401, "UNAUTHORIZED");
  });
});

const facts = (name: string, account = false): SessionFacts => {
  const user = { id: "u", email: "u@example.test", name, role: "user", banned: false, banExpires: null, isActive: true, preferences: { a: [1] }, isAnonymous: false };
  const session = { id: "s", token: "t", createdAt: new Date(0), updatedAt: new Date(0), expiresAt: new Date(1e13) };
  return account ? { user, session, account: { user: user as never, hasPassword: true } } : { user, session };
};

describe("SessionCache", () => {
  it("does not remember a read that a write overtook", () => {
    const c = new SessionCache();
    const mark = c.mark();
    c.clear(); // a write landed while the read was under way
    c.set("t", facts("old"), mark);
    expect(c.get("t", false)).toBeUndefined();
    c.set("t", facts("new"), c.mark());
    expect(c.get("t", false)?.user.name).toBe("new");
    c.clear();
    expect(c.get("t", false)).toBeUndefined();
  });

  it("answers the whole account only when it has it, is bounded in size and age, and hands out frozen rows", () => {
    const c = new SessionCache(2, 1000);
    c.set("a", facts("a"), c.mark(), 0);
    expect(c.get("a", false, 10)?.user.name).toBe("a");
    expect(c.get("a", true, 10)).toBeUndefined();
    c.set("a", facts("a", true), c.mark(), 0);
    expect(c.get("a", true, 10)?.account?.hasPassword).toBe(true);
    expect(c.get("a", false, 1001)).toBeUndefined();
    c.set("a", facts("a"), c.mark(), 0);
    c.set("b", facts("b"), c.mark(), 0);
    c.set("c", facts("c"), c.mark(), 0);
    expect([c.get("a", false, 1), c.get("b", false, 1)?.user.name, c.get("c", false, 1)?.user.name]).toEqual([undefined, "b", "c"]);
    const got = c.get("b", false, 1)!;
    expect(() => {
      (got.user as { name: string }).name = "changed";
    }).toThrow(TypeError);
    expect(() => (got.user.preferences as { a: number[] }).a.push(2)).toThrow(TypeError);
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
