import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifications } from "../../src/db/schema";
import {
  cookieFrom,
  createTestApp,
  jsonRequest,
  mailTo,
  randomIp,
  signUp,
  type TestApp,
  tokenFromMail,
} from "../harness";
import { expectError } from "./helpers";

const NEW_PASSWORD = "a brand new passphrase";

describe("password reset and change", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers forgot-password the same for known and unknown addresses; only the known one gets mail", async () => {
    const u = await signUp(t);
    const known = await jsonRequest(t, "/api/auth/forgot-password", { body: { email: u.email } });
    const unknown = await jsonRequest(t, "/api/auth/forgot-password", { body: { email: "no-such-user@example.test" } });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual(await known.json());
    expect((await mailTo(t, "no-such-user@example.test")).length).toBe(0);
    const [mail] = await mailTo(t, u.email);
    expect(mail!.subject).toMatch(/reset your image studio password/i);
    expect(mail!.text).toMatch(/\/reset-password\?token=/);
    expect(mail!.html).toContain("Choose a new password");
  });

  it("limits reset requests per address (429 with Retry-After)", async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await jsonRequest(t, "/api/auth/forgot-password", { body: { email: `someone-${i}@example.test` }, ip }))
          .status,
      );
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const res = await jsonRequest(t, "/api/auth/forgot-password", { body: { email: "x@example.test" }, ip });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("resets with a single-use token and signs out every session", async () => {
    const u = await signUp(t);
    const second = cookieFrom(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
    );
    await jsonRequest(t, "/api/auth/forgot-password", { body: { email: u.email } });
    const token = await tokenFromMail(t, u.email, /reset your/i);

    const res = await jsonRequest(t, "/api/auth/reset-password", { body: { token, password: NEW_PASSWORD } });
    expect(res.status).toBe(200);
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: second }), 401, "UNAUTHORIZED");
    await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
      401,
      "UNAUTHORIZED",
    );
    expect((await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: NEW_PASSWORD } })).status).toBe(
      200,
    );

    const reused = await expectError(
      await jsonRequest(t, "/api/auth/reset-password", { body: { token, password: "yet another passphrase" } }),
      400,
      "BAD_REQUEST",
    );
    expect(reused.details).toMatchObject({ reason: "INVALID_TOKEN" });
  });

  it("rejects an expired token, a made-up token and a short new password", async () => {
    const u = await signUp(t);
    await jsonRequest(t, "/api/auth/forgot-password", { body: { email: u.email } });
    const token = await tokenFromMail(t, u.email, /reset your/i);
    await expectError(
      await jsonRequest(t, "/api/auth/reset-password", { body: { token, password: "short" } }),
      400,
      "VALIDATION_FAILED",
    );
    // Identifiers are stored hashed; the reset row is the one whose value is the user's id.
    await t.deps.database.db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verifications.value, u.user.id));
    await expectError(
      await jsonRequest(t, "/api/auth/reset-password", { body: { token, password: NEW_PASSWORD } }),
      400,
      "BAD_REQUEST",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/reset-password", {
        body: { token: "not-a-real-token-123", password: NEW_PASSWORD },
      }),
      400,
      "BAD_REQUEST",
    );
    expect((await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } })).status).toBe(
      200,
    );
  });

  it("accepts Better Auth's field name (newPassword) on the same path", async () => {
    const u = await signUp(t);
    await jsonRequest(t, "/api/auth/forgot-password", { body: { email: u.email } });
    const token = await tokenFromMail(t, u.email, /reset your/i);
    expect(
      (await jsonRequest(t, "/api/auth/reset-password", { body: { token, newPassword: NEW_PASSWORD } })).status,
    ).toBe(200);
  });

  it("changes the password with the current one and revokes the other sessions", async () => {
    const u = await signUp(t);
    const other = cookieFrom(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
    );
    await expectError(
      await jsonRequest(t, "/api/auth/change-password", {
        method: "PUT",
        cookie: u.cookie,
        body: { currentPassword: "not my password", newPassword: NEW_PASSWORD },
      }),
      400,
      "BAD_REQUEST",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/change-password", {
        method: "PUT",
        cookie: u.cookie,
        body: { currentPassword: u.password, newPassword: "short" },
      }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/change-password", {
        method: "PUT",
        body: { currentPassword: u.password, newPassword: NEW_PASSWORD },
      }),
      401,
      "UNAUTHORIZED",
    );

    const res = await jsonRequest(t, "/api/auth/change-password", {
      method: "PUT",
      cookie: u.cookie,
      body: { currentPassword: u.password, newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ otherSessionsRevoked: true });
    // This device keeps its session (the same cookie: requests it had in flight don't fail); the others are out.
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
    expect((await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).status).toBe(200);
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: other }), 401, "UNAUTHORIZED");
    expect((await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: NEW_PASSWORD } })).status).toBe(
      200,
    );
  });

  it("revokes other sessions even when Better Auth's own endpoint is asked not to", async () => {
    const u = await signUp(t);
    const other = cookieFrom(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
    );
    const res = await jsonRequest(t, "/api/auth/change-password", {
      cookie: u.cookie,
      body: { currentPassword: u.password, newPassword: NEW_PASSWORD, revokeOtherSessions: false },
    });
    expect(res.status).toBe(200);
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: other }), 401, "UNAUTHORIZED");
  });
});
