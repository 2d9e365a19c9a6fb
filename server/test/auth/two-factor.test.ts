import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cookieFrom, createTestApp, jsonRequest, mailTo, signUp, type SignedUpUser, type TestApp } from "../harness";
import { expectError, totpFromUri } from "./helpers";

interface Enabled {
  totpURI: string;
  backupCodes: string[];
  cookie: string;
}

/** Turns two-factor on the way the settings page does: enable with the password, then confirm a code. */
async function enable2fa(t: TestApp, u: SignedUpUser): Promise<Enabled> {
  const res = await jsonRequest(t, "/api/auth/two-factor/enable", {
    cookie: u.cookie,
    body: { password: u.password },
    ip: u.ip,
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { totpURI: string; backupCodes: string[] };
  expect(body.totpURI).toMatch(/^otpauth:\/\/totp\/Image%20Studio:/);
  expect(body.backupCodes).toHaveLength(10);
  let cookie = cookieFrom(res, u.cookie);
  const verify = await jsonRequest(t, "/api/auth/two-factor/verify-totp", {
    cookie,
    body: { code: totpFromUri(body.totpURI) },
    ip: u.ip,
  });
  expect(verify.status, await verify.clone().text()).toBe(200);
  cookie = cookieFrom(verify, cookie);
  return { ...body, cookie };
}

describe("two-factor authentication", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  // Each TOTP code is accepted once, so tests pick codes of neighbouring 30-second steps (all within the accepted
  // window) from a clock that stands still, so no step boundary passes in the middle of a test.
  const freezeClock = () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    return Date.now();
  };
  afterEach(() => {
    vi.useRealTimers();
  });

  it("needs the password to start, and is only on after a code is confirmed", async () => {
    const u = await signUp(t);
    await expectError(
      await jsonRequest(t, "/api/auth/two-factor/enable", { cookie: u.cookie, body: { password: "wrong password" } }),
      400,
      "BAD_REQUEST",
    );
    const started = await jsonRequest(t, "/api/auth/two-factor/enable", {
      cookie: u.cookie,
      body: { password: u.password },
    });
    expect(started.status).toBe(200);
    const me = (await (await jsonRequest(t, "/api/auth/me", { cookie: cookieFrom(started, u.cookie) })).json()) as {
      user: { twoFactorEnabled: boolean };
    };
    expect(me.user.twoFactorEnabled).toBe(false);
    // Without confirmation, signing in still needs no code.
    const login = await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } });
    expect(await login.json()).toMatchObject({ twoFactorRequired: false });
  });

  it("enforces a TOTP code at sign-in and mails a notice when it is turned on", async () => {
    const u = await signUp(t);
    const now = freezeClock();
    const { totpURI, cookie } = await enable2fa(t, u);
    const me = (await (await jsonRequest(t, "/api/auth/me", { cookie })).json()) as {
      user: { twoFactorEnabled: boolean };
    };
    expect(me.user.twoFactorEnabled).toBe(true);
    expect((await mailTo(t, u.email)).some((m) => /two-factor authentication is on/i.test(m.subject))).toBe(true);

    const first = await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ twoFactorRequired: true, methods: ["totp"] });
    const pending = cookieFrom(first);
    expect(pending).not.toContain("session_token"); // no session until the second factor
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: pending }), 401, "UNAUTHORIZED");

    const wrong = await jsonRequest(t, "/api/auth/two-factor/verify-totp", {
      cookie: pending,
      body: { code: "000000" },
    });
    expect(wrong.status).toBe(401);
    const ok = await jsonRequest(t, "/api/auth/two-factor/verify-totp", {
      cookie: pending,
      body: { code: totpFromUri(totpURI, now - 30_000) },
    });
    expect(ok.status).toBe(200);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: cookieFrom(ok, pending) })).status).toBe(200);

    // API clients can send the code with the password in one call.
    const oneShot = await jsonRequest(t, "/api/auth/login", {
      body: { email: u.email, password: u.password, code: totpFromUri(totpURI, now + 30_000) },
    });
    expect(oneShot.status).toBe(200);
    expect(await oneShot.json()).toMatchObject({ twoFactorRequired: false, user: { twoFactorEnabled: true } });
    expect((await jsonRequest(t, "/api/auth/me", { cookie: cookieFrom(oneShot) })).status).toBe(200);
    const badCode = await jsonRequest(t, "/api/auth/login", {
      body: { email: u.email, password: u.password, code: "123456" },
    });
    await expectError(badCode, 401, "UNAUTHORIZED");
  });

  it("accepts each TOTP code once: a replayed code is refused, also to another sign-in", async () => {
    const u = await signUp(t);
    const now = freezeClock();
    const { totpURI } = await enable2fa(t, u); // used the current code
    const pending = () =>
      jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }).then((r) => cookieFrom(r));
    const verify = async (cookie: string, at: number) =>
      jsonRequest(t, "/api/auth/two-factor/verify-totp", { cookie, body: { code: totpFromUri(totpURI, at) } });

    const first = await pending();
    const replayed = await expectError(await verify(first, now), 401, "UNAUTHORIZED");
    expect(replayed.details).toMatchObject({ reason: "TOTP_CODE_REUSED" });
    expect(replayed.message).toMatch(/already used/);
    // A wrong code is refused as always; the next code works, once.
    await expectError(await verify(first, now - 90_000), 401, "UNAUTHORIZED");
    const ok = await verify(first, now + 30_000);
    expect(ok.status, await ok.clone().text()).toBe(200);
    await expectError(await verify(await pending(), now + 30_000), 401, "UNAUTHORIZED");
    const oneShot = await jsonRequest(t, "/api/auth/login", {
      body: { email: u.email, password: u.password, code: totpFromUri(totpURI, now + 30_000) },
    });
    await expectError(oneShot, 401, "UNAUTHORIZED");
    const other = await jsonRequest(t, "/api/auth/login", {
      body: { email: u.email, password: u.password, code: totpFromUri(totpURI, now - 30_000) },
    });
    expect(other.status, await other.clone().text()).toBe(200);
  });

  it("accepts a code once even when several sign-ins send it at the same moment", async () => {
    const u = await signUp(t);
    const now = freezeClock();
    const { totpURI } = await enable2fa(t, u);
    const pendings: string[] = [];
    for (let i = 0; i < 5; i++)
      pendings.push(
        cookieFrom(await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } })),
      );
    const code = totpFromUri(totpURI, now + 30_000);
    const statuses = await Promise.all(
      pendings.map((cookie) =>
        jsonRequest(t, "/api/auth/two-factor/verify-totp", { cookie, body: { code } }).then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([200, 401, 401, 401, 401]);
  });

  it("accepts each backup code once", async () => {
    const u = await signUp(t);
    const { backupCodes } = await enable2fa(t, u);
    const pending = cookieFrom(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
    );
    const used = await jsonRequest(t, "/api/auth/two-factor/verify-backup-code", {
      cookie: pending,
      body: { code: backupCodes[0] },
    });
    expect(used.status).toBe(200);
    const again = cookieFrom(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
    );
    const reuse = await jsonRequest(t, "/api/auth/two-factor/verify-backup-code", {
      cookie: again,
      body: { code: backupCodes[0] },
    });
    expect(reuse.status).toBe(401);
  });

  it("turns off only with the password", async () => {
    const u = await signUp(t);
    const { cookie } = await enable2fa(t, u);
    await expectError(
      await jsonRequest(t, "/api/auth/two-factor/disable", { cookie, body: { password: "wrong password" } }),
      400,
      "BAD_REQUEST",
    );
    const off = await jsonRequest(t, "/api/auth/two-factor/disable", { cookie, body: { password: u.password } });
    expect(off.status).toBe(200);
    const login = await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } });
    expect(await login.json()).toMatchObject({ twoFactorRequired: false });
  });
});
