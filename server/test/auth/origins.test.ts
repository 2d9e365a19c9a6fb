import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, createTestApp, jsonRequest, mailTo, signUp, type TestApp, TEST_PASSWORD } from "../harness";
import { expectError } from "./helpers";

/** A browser page at `origin` calling its own server: same-origin Fetch Metadata, Origin = the page's origin. */
const sameOrigin = (origin: string) => ({ Origin: origin, "Sec-Fetch-Site": "same-origin" });

describe("origins: a page served by this server is never cross-site", () => {
  let t: TestApp;
  let byPort: TestApp;
  let proxied: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // APP_URL http://localhost:3000
    byPort = await createTestApp({ APP_URL: "", PORT: "4100" });
    proxied = await createTestApp({ TRUST_PROXY: "true" });
    direct = await createTestApp({ TRUST_PROXY: "false" });
  });
  afterAll(async () => {
    for (const app of [t, byPort, proxied, direct]) await app.close();
  });

  it("signs up and in without APP_URL when started on another port", async () => {
    const origin = "http://localhost:4100";
    const email = `port-${Date.now()}@example.test`;
    const reg = await jsonRequest(byPort, `${origin}/api/auth/register`, {
      body: { email, password: TEST_PASSWORD, name: "Port" },
      headers: sameOrigin(origin),
    });
    expect(reg.status, await reg.clone().text()).toBe(201);
    const raw = await jsonRequest(byPort, `${origin}/api/auth/sign-up/email`, {
      body: { email: `raw-${email}`, password: TEST_PASSWORD, name: "Raw" },
      headers: sameOrigin(origin),
    });
    expect(raw.status, await raw.clone().text()).toBe(200);
    // Mail links use APP_URL, whose default follows PORT.
    expect((await mailTo(byPort, email))[0]!.text).toContain("http://localhost:4100/verify-email?token=");
  });

  it("accepts sign-in and cookie-carrying writes from 127.0.0.1 and from a phone on the LAN", async () => {
    for (const origin of ["http://127.0.0.1:3000", "http://192.168.1.20:3000"]) {
      const u = await signUp(t);
      const login = await jsonRequest(t, `${origin}/api/auth/login`, {
        body: { email: u.email, password: u.password },
        headers: sameOrigin(origin),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      const cookie = cookieFrom(login);
      const profile = await jsonRequest(t, `${origin}/api/auth/profile`, {
        method: "PUT",
        cookie,
        body: { name: "From the phone" },
        headers: sameOrigin(origin),
      });
      expect(profile.status, await profile.clone().text()).toBe(200);
      const signOut = await jsonRequest(t, `${origin}/api/auth/sign-out`, {
        cookie,
        body: {},
        headers: sameOrigin(origin),
      });
      expect(signOut.status, await signOut.clone().text()).toBe(200);
    }
    // Mail links keep the public origin (APP_URL), whatever address the page was opened at.
    const email = `lan-${Date.now()}@example.test`;
    await jsonRequest(t, "http://192.168.1.20:3000/api/auth/register", {
      body: { email, password: TEST_PASSWORD, name: "Lan" },
      headers: sameOrigin("http://192.168.1.20:3000"),
    });
    expect((await mailTo(t, email))[0]!.text).toContain("http://localhost:3000/verify-email?token=");
  });

  it("still refuses foreign origins, for sign-in and for cookie-carrying writes", async () => {
    const u = await signUp(t);
    const host = "http://192.168.1.20:3000";
    for (const foreign of ["https://evil.example", "http://192.168.1.99:3000", "https://192.168.1.20:3000"]) {
      const headers = { Origin: foreign, "Sec-Fetch-Site": "cross-site" };
      await expectError(
        await jsonRequest(t, `${host}/api/auth/login`, { body: { email: u.email, password: u.password }, headers }),
        403,
        "FORBIDDEN",
      );
      const write = await jsonRequest(t, `${host}/api/auth/profile`, {
        method: "PUT",
        cookie: u.cookie,
        body: { name: "pwned" },
        headers: { Origin: foreign },
      });
      expect((await expectError(write, 403, "FORBIDDEN")).details).toMatchObject({ reason: "CROSS_SITE_REQUEST" });
      const ba = await jsonRequest(t, `${host}/api/auth/sign-out`, {
        cookie: u.cookie,
        body: {},
        headers: { Origin: foreign },
      });
      expect(ba.status).toBe(403);
    }
    expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
  });

  it("behind a proxy, takes the scheme and host from X-Forwarded-* only with TRUST_PROXY", async () => {
    const public_ = "https://studio.example";
    const headers = { ...sameOrigin(public_), "X-Forwarded-Proto": "https", "X-Forwarded-Host": "studio.example" };
    for (const [app, ok] of [
      [proxied, true],
      [direct, false],
    ] as const) {
      const u = await signUp(app);
      const login = await jsonRequest(app, "http://127.0.0.1:3000/api/auth/login", {
        body: { email: u.email, password: u.password },
        headers,
      });
      expect(login.status, await login.clone().text()).toBe(ok ? 200 : 403);
      const write = await jsonRequest(app, "http://127.0.0.1:3000/api/auth/profile", {
        method: "PUT",
        cookie: u.cookie,
        body: { name: "Proxied" },
        headers,
      });
      expect(write.status).toBe(ok ? 200 : 403);
    }
  });
});
