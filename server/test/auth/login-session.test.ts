import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../src/db/schema";
import { cookieFrom, createTestApp, jsonRequest, randomIp, signUp, type TestApp } from "../harness";
import { expectError } from "./helpers";

const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("sign-in, sessions and sign-out", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs in with an httpOnly, SameSite=Lax session cookie and signs out", async () => {
    const u = await signUp(t);
    const res = await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password }, ip: u.ip });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ twoFactorRequired: false, user: { email: u.email } });
    const setCookie = res.headers.getSetCookie().find((c) => c.includes("session_token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=\d+/i); // remembered by default
    expect(setCookie).not.toMatch(/Secure/); // http://localhost in tests; https or production hosts get Secure
    const cookie = cookieFrom(res);

    expect((await jsonRequest(t, "/api/auth/me", { cookie })).status).toBe(200);
    expect(await (await jsonRequest(t, "/api/auth/session", { cookie })).json()).toMatchObject({
      user: { email: u.email },
    });
    const out = await jsonRequest(t, "/api/auth/logout", { cookie, body: {} });
    expect(out.status).toBe(200);
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie }), 401, "UNAUTHORIZED");
    const signedOut = await jsonRequest(t, "/api/auth/session", { cookie });
    expect(signedOut.status).toBe(200);
    expect(await signedOut.json()).toBeNull();
  });

  it("keeps a session to the browser session when 'remember me' is off", async () => {
    const u = await signUp(t);
    const res = await jsonRequest(t, "/api/auth/login", {
      body: { email: u.email, password: u.password, rememberMe: false },
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.includes("session_token="))!;
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: cookieFrom(res) })).status).toBe(200);
  });

  it("answers a wrong password, an unknown account and a malformed email with clear 4xx errors", async () => {
    const u = await signUp(t);
    const wrong = await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: "wrong password!" } }),
      401,
      "UNAUTHORIZED",
    );
    const unknown = await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: "nobody@example.test", password: "wrong password!" } }),
      401,
      "UNAUTHORIZED",
    );
    expect(unknown.message).toBe(wrong.message); // no hint which accounts exist
    await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: "nope", password: "x" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(await jsonRequest(t, "/api/auth/me"), 401, "UNAUTHORIZED");
  });

  it("translates Better Auth's own error answers into the shared error body too", async () => {
    const u = await signUp(t);
    const res = await jsonRequest(t, "/api/auth/sign-in/email", {
      body: { email: u.email, password: "wrong password!" },
    });
    const body = (await res.clone().json()) as { code?: string; message?: string };
    await expectError(res, 401, "UNAUTHORIZED");
    expect(body.code).toBe("INVALID_EMAIL_OR_PASSWORD"); // Better Auth's client still reads its own fields
  });

  it("lists sessions with device, IP and last seen; revokes one; signs out everywhere", async () => {
    const u = await signUp(t);
    const a = cookieFrom(
      await jsonRequest(t, "/api/auth/login", {
        body: { email: u.email, password: u.password },
        ip: "203.0.113.7",
        headers: { "User-Agent": CHROME_MAC },
      }),
    );
    const b = cookieFrom(
      await jsonRequest(t, "/api/auth/login", {
        body: { email: u.email, password: u.password },
        ip: "198.51.100.9",
        headers: { "User-Agent": SAFARI_IPHONE },
      }),
    );
    const list = await jsonRequest(t, "/api/account/sessions", { cookie: a });
    expect(list.status).toBe(200);
    const items = (
      (await list.json()) as {
        items: {
          id: string;
          current: boolean;
          browser: string;
          os: string;
          device: string;
          ipAddress: string;
          lastSeenAt: string;
        }[];
      }
    ).items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[0]).toMatchObject({
      current: true,
      browser: "Chrome 131",
      os: "macOS",
      device: "desktop",
      ipAddress: "203.0.113.7",
    });
    const phone = items.find((s) => s.os === "iOS")!;
    expect(phone).toMatchObject({ browser: "Safari 17", device: "mobile", ipAddress: "198.51.100.9", current: false });
    expect(Date.parse(phone.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);

    expect((await jsonRequest(t, `/api/account/sessions/${phone.id}`, { method: "DELETE", cookie: a })).status).toBe(
      200,
    );
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: b }), 401, "UNAUTHORIZED");
    await expectError(
      await jsonRequest(t, `/api/account/sessions/${phone.id}`, { method: "DELETE", cookie: a }),
      404,
      "NOT_FOUND",
    );

    // Another user's session id is a 404, never theirs to end.
    const other = await signUp(t);
    const otherSessions = (
      (await (await jsonRequest(t, "/api/account/sessions", { cookie: other.cookie })).json()) as {
        items: { id: string }[];
      }
    ).items;
    await expectError(
      await jsonRequest(t, `/api/account/sessions/${otherSessions[0]!.id}`, { method: "DELETE", cookie: a }),
      404,
      "NOT_FOUND",
    );
    expect((await jsonRequest(t, "/api/auth/me", { cookie: other.cookie })).status).toBe(200);

    const all = await jsonRequest(t, "/api/account/sessions/revoke-all", { method: "POST", cookie: a });
    expect(all.status).toBe(200);
    expect(all.headers.getSetCookie().some((c) => /session_token=;/.test(c))).toBe(true);
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: a }), 401, "UNAUTHORIZED");
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
  });

  it("slides the expiry forward when an older session is used (and sends the refreshed cookie)", async () => {
    const u = await signUp(t);
    const db = t.deps.database.db;
    const twoDaysOld = new Date(Date.now() + 28 * 24 * 3600_000);
    await db.update(sessions).set({ expiresAt: twoDaysOld }).where(eq(sessions.userId, u.user.id));
    const res = await jsonRequest(t, "/api/auth/me", { cookie: u.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.includes("session_token=") && /Max-Age=\d{6,}/.test(c))).toBe(true);
    // The session behind the cookie moved out to ~30 days; the user's other (unused) session did not.
    const expiries = (await db.select().from(sessions).where(eq(sessions.userId, u.user.id)))
      .map((r) => r.expiresAt.getTime())
      .sort();
    expect(expiries).toHaveLength(2);
    expect(expiries[0]).toBeLessThan(Date.now() + 28.5 * 24 * 3600_000);
    expect(expiries[1]).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
  });

  it("ends a session that was idle longer than the user's timeout", async () => {
    const u = await signUp(t);
    const set = await jsonRequest(t, "/api/auth/profile", {
      method: "PUT",
      cookie: u.cookie,
      body: { sessionTimeoutMinutes: 30 },
    });
    expect(set.status).toBe(200);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
    await t.deps.database.db
      .update(sessions)
      .set({ updatedAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, u.user.id));
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
  });

  it("refuses sign-in to deactivated and banned users and ends their open sessions", async () => {
    const db = t.deps.database.db;
    const inactive = await signUp(t);
    await db.update(users).set({ isActive: false }).where(eq(users.id, inactive.user.id));
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: inactive.cookie }), 401, "UNAUTHORIZED");
    const e1 = await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: inactive.email, password: inactive.password } }),
      403,
      "FORBIDDEN",
    );
    expect(e1.details).toMatchObject({ reason: "ACCOUNT_DISABLED" });

    const banned = await signUp(t);
    await db.update(users).set({ banned: true, banReason: "spam" }).where(eq(users.id, banned.user.id));
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: banned.cookie }), 401, "UNAUTHORIZED");
    const e2 = await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: banned.email, password: banned.password } }),
      403,
      "FORBIDDEN",
    );
    expect(e2.details).toMatchObject({ reason: "BANNED_USER" });

    // An expired ban lifts itself at the next sign-in.
    await db
      .update(users)
      .set({ banExpires: new Date(Date.now() - 1000) })
      .where(eq(users.id, banned.user.id));
    expect(
      (await jsonRequest(t, "/api/auth/login", { body: { email: banned.email, password: banned.password } })).status,
    ).toBe(200);
  });

  it("answers most of 20 rapid wrong sign-ins from one IP with 429 and Retry-After", async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = await jsonRequest(t, "/api/auth/login", {
        body: { email: `victim-${i}@example.test`, password: "guess-guess" },
        ip,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe("RATE_LIMITED");
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(12);
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (await jsonRequest(t, "/api/auth/login", { body: { email: "x@example.test", password: "guess-guess" } })).status,
    ).toBe(401);
  });

  it("blocks cross-site writes that carry the session cookie", async () => {
    const u = await signUp(t);
    const evil = await jsonRequest(t, "/api/auth/profile", {
      method: "PUT",
      cookie: u.cookie,
      body: { name: "pwned" },
      headers: { Origin: "https://evil.example" },
    });
    const e = await expectError(evil, 403, "FORBIDDEN");
    expect(e.details).toMatchObject({ reason: "CROSS_SITE_REQUEST" });
    const fetchMeta = await jsonRequest(t, "/api/account/sessions/revoke-all", {
      method: "POST",
      cookie: u.cookie,
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    await expectError(fetchMeta, 403, "FORBIDDEN");
    const baRoute = await jsonRequest(t, "/api/auth/sign-out", {
      cookie: u.cookie,
      body: {},
      headers: { Origin: "https://evil.example" },
    });
    expect(baRoute.status).toBe(403);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
  });
});
