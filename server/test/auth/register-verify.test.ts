import { randomUUID } from "node:crypto";
import { meResponseSchema } from "@image-studio/shared";
import { signJWT } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTransactions, users } from "../../src/db/schema";
import {
  cookieFrom,
  createTestApp,
  jsonRequest,
  mailTo,
  randomIp,
  signUp,
  type TestApp,
  TEST_PASSWORD,
  tokenFromMail,
} from "../harness";
import { expectError } from "./helpers";

const newEmail = () => `reg-${randomUUID()}@example.test`;

describe("POST /api/auth/register and /api/auth/verify-email", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SIGNUP_CREDITS: "250" });
  });
  afterAll(() => t.close());

  it("registers, mails a branded confirmation link, and the link verifies and signs in", async () => {
    const email = newEmail();
    const ip = randomIp();
    const res = await jsonRequest(t, "/api/auth/register", {
      body: { email: email.toUpperCase(), password: TEST_PASSWORD, name: "Ada Lovelace" },
      ip,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email, verificationSent: true });

    const [mail] = await mailTo(t, email);
    expect(mail!.subject).toMatch(/confirm your email/i);
    expect(mail!.html).toContain("#8B5CF6");
    expect(mail!.html).toContain("Welcome, Ada!");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/verify-email\?token=/);

    const before = await jsonRequest(t, "/api/auth/login", { body: { email, password: TEST_PASSWORD }, ip });
    const unverified = await expectError(before, 403, "FORBIDDEN");
    expect(unverified.details).toMatchObject({ reason: "EMAIL_NOT_VERIFIED" });

    const token = await tokenFromMail(t, email, /confirm your email/i);
    const verify = await jsonRequest(t, "/api/auth/verify-email", { body: { token }, ip });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ verified: true, user: { email, emailVerified: true } });
    const cookie = cookieFrom(verify);
    expect(cookie).toContain("session_token");

    const me = await jsonRequest(t, "/api/auth/me", { cookie, ip });
    expect(me.status).toBe(200);
    const body = meResponseSchema.parse(await me.json());
    expect(body.user).toMatchObject({
      email,
      name: "Ada Lovelace",
      role: "user",
      creditsBalance: 250,
      hasPassword: true,
      twoFactorEnabled: false,
    });
    expect(body.user.onboardingState).toMatchObject({ welcome: false, firstGeneration: false });
  });

  it("starts the account in the device's language: the confirmation mail speaks it; an unknown language is refused", async () => {
    const email = newEmail();
    const ip = randomIp();
    const res = await jsonRequest(t, "/api/auth/register", { body: { email, password: TEST_PASSWORD, name: "Grete Weiss", language: "de" }, ip });
    expect(res.status).toBe(201);
    const [mail] = await mailTo(t, email);
    expect(mail!.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Image Studio");
    expect(mail!.html).toContain('<html lang="de">');
    const [row] = await t.deps.database.db.select({ language: users.language }).from(users).where(eq(users.email, email));
    expect(row?.language).toBe("de");

    const bad = await jsonRequest(t, "/api/auth/register", { body: { email: newEmail(), password: TEST_PASSWORD, name: "X", language: "xx" }, ip });
    await expectError(bad, 400, "VALIDATION_FAILED");
    // Better Auth's own endpoint takes the same contract.
    const direct = await jsonRequest(t, "/api/auth/sign-up/email", { body: { email: newEmail(), password: TEST_PASSWORD, name: "Y", language: "xx" }, ip });
    expect(direct.status).toBe(400);
  });

  it("starts new users with SIGNUP_CREDITS recorded as a grant", async () => {
    const { user } = await signUp(t);
    const db = t.deps.database.db;
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.creditsBalance).toBe(250);
    const grants = await db
      .select()
      .from(creditTransactions)
      .where(and(eq(creditTransactions.userId, user.id), eq(creditTransactions.kind, "grant")));
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ amount: 250, balanceAfter: 250 });
  });

  it("rejects a malformed email, a short password and a missing name with field errors", async () => {
    const bad = await jsonRequest(t, "/api/auth/register", {
      body: { email: "not-an-email", password: TEST_PASSWORD, name: "X" },
    });
    const e1 = await expectError(bad, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(e1.details)).toContain("email");
    const short = await jsonRequest(t, "/api/auth/register", {
      body: { email: newEmail(), password: "short", name: "X" },
    });
    const e2 = await expectError(short, 400, "VALIDATION_FAILED");
    expect(e2.message).toMatch(/at least 8/);
    await expectError(
      await jsonRequest(t, "/api/auth/register", { body: { email: newEmail(), password: TEST_PASSWORD } }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("answers a second registration of the same address exactly like the first and mails the owner instead", async () => {
    const { email } = await signUp(t);
    const again = await jsonRequest(t, "/api/auth/register", {
      body: { email, password: "another password 123", name: "Mallory" },
    });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ email, verificationSent: true });
    const mails = await mailTo(t, email);
    expect(mails[0]!.subject).toMatch(/already have an Image Studio account/);
    // The original password still works; the attacker's does not.
    expect(
      (await jsonRequest(t, "/api/auth/login", { body: { email, password: "another password 123" } })).status,
    ).toBe(401);
  });

  it("rejects a reused, an expired and a forged confirmation token", async () => {
    const email = newEmail();
    await jsonRequest(t, "/api/auth/register", { body: { email, password: TEST_PASSWORD, name: "Reuse" } });
    const token = await tokenFromMail(t, email, /confirm your email/i);
    expect((await jsonRequest(t, "/api/auth/verify-email", { body: { token } })).status).toBe(200);
    const reused = await expectError(
      await jsonRequest(t, "/api/auth/verify-email", { body: { token } }),
      409,
      "CONFLICT",
    );
    expect(reused.details).toMatchObject({ reason: "ALREADY_VERIFIED" });

    const expiredToken = await signJWT({ email: newEmail() }, t.deps.env.BETTER_AUTH_SECRET, -60);
    const expired = await expectError(
      await jsonRequest(t, "/api/auth/verify-email", { body: { token: expiredToken } }),
      400,
      "BAD_REQUEST",
    );
    expect(expired.message).toMatch(/expired/);
    const forged = await signJWT({ email }, "some-other-secret-some-other-secret-00", 3600);
    await expectError(await jsonRequest(t, "/api/auth/verify-email", { body: { token: forged } }), 400, "BAD_REQUEST");
    await expectError(await jsonRequest(t, "/api/auth/verify-email", { body: {} }), 400, "VALIDATION_FAILED");
  });

  it("resends the confirmation link, with no hint whether the address exists, and limits resends per account", async () => {
    const email = newEmail();
    await jsonRequest(t, "/api/auth/register", { body: { email, password: TEST_PASSWORD, name: "Resend" } });
    const known = await jsonRequest(t, "/api/auth/resend-verification", { body: { email } });
    const unknown = await jsonRequest(t, "/api/auth/resend-verification", { body: { email: newEmail() } });
    expect(known.status).toBe(200);
    expect(await unknown.json()).toEqual(await known.json());
    expect((await mailTo(t, email)).filter((m) => /confirm your email/i.test(m.subject))).toHaveLength(2);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await jsonRequest(t, "/api/auth/resend-verification", { body: { email } })).status);
    expect(statuses).toContain(429);
  });
});
