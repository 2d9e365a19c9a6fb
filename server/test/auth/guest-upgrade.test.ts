import { errorBodySchema, meResponseSchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUEST_CREDITS } from "../../src/auth/auth-hooks";
import { images, users } from "../../src/db/schema";
import { insertRow } from "../images/fixtures";
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

const SIGNUP_CREDITS = 300;

describe("a guest turns the demo session into a full account, keeping every image", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SIGNUP_CREDITS: String(SIGNUP_CREDITS), FAL_KEY: "test-key:test-secret" });
  });
  afterAll(() => t.close());

  async function guest() {
    const ip = randomIp();
    const res = await jsonRequest(t, "/api/auth/sign-in/anonymous", { body: {}, ip });
    expect(res.status).toBe(200);
    const cookie = cookieFrom(res);
    const me = meResponseSchema.parse(await (await jsonRequest(t, "/api/auth/me", { cookie, ip })).json());
    return { cookie, ip, id: me.user.id };
  }
  const upgrade = (g: { cookie: string; ip: string }, body: Record<string, unknown>) =>
    jsonRequest(t, "/api/auth/guest/upgrade", { body, cookie: g.cookie, ip: g.ip });

  const falEstimate = (g: { cookie: string; ip: string }) =>
    jsonRequest(t, "/api/generate/estimate", {
      body: { modelId: "fal-ai/flux/schnell", operation: "text-to-image", parameters: {} },
      cookie: g.cookie,
      ip: g.ip,
    });

  it("email + password + name → verification mail → same user id, images kept, guest limits lifted", async () => {
    const g = await guest();
    const image = await insertRow(t, g.id, { prompt: "made during the demo" });
    const email = `upgraded-${g.id}@example.test`;
    expect((await falEstimate(g)).status).toBe(403);

    const res = await upgrade(g, { name: "Dana Demo", email, password: TEST_PASSWORD });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ email, verificationSent: true });
    // Until the link is opened it is still a guest (the address isn't proven yet).
    let me = meResponseSchema.parse(
      await (await jsonRequest(t, "/api/auth/me", { cookie: g.cookie, ip: g.ip })).json(),
    );
    expect(me.user).toMatchObject({ id: g.id, isGuest: true });

    const token = await tokenFromMail(t, email, /confirm your email/i);
    const verify = await jsonRequest(t, "/api/auth/verify-email", { body: { token }, cookie: g.cookie, ip: g.ip });
    expect(verify.status).toBe(200);

    me = meResponseSchema.parse(await (await jsonRequest(t, "/api/auth/me", { cookie: g.cookie, ip: g.ip })).json());
    expect(me.user).toMatchObject({
      id: g.id,
      email,
      name: "Dana Demo",
      isGuest: false,
      emailVerified: true,
      hasPassword: true,
    });
    expect(me.user.creditsBalance).toBe(SIGNUP_CREDITS); // topped up to a new account's welcome credits
    const [kept] = await t.deps.database.db.select().from(images).where(eq(images.id, image.id));
    expect(kept).toMatchObject({ userId: g.id, prompt: "made during the demo" });

    // The new password signs in to the same account; fal.ai models are open now.
    const login = await jsonRequest(t, "/api/auth/login", { body: { email, password: TEST_PASSWORD }, ip: randomIp() });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { id: string } }).user.id).toBe(g.id);
    expect((await falEstimate(g)).status).toBe(200);

    // Done once: a second verification changes nothing (no second top-up).
    const [row] = await t.deps.database.db.select().from(users).where(eq(users.id, g.id));
    expect(row!.creditsBalance).toBe(SIGNUP_CREDITS);
    expect(row!.isAnonymous).toBe(false);
  });

  it("answers an address that has an account like any other, mails its owner, and leaves the guest as it was", async () => {
    const owner = await signUp(t);
    const g = await guest();
    const res = await upgrade(g, { name: "Someone", email: owner.email, password: TEST_PASSWORD });
    expect(res.status).toBe(202);
    const [row] = await t.deps.database.db.select().from(users).where(eq(users.id, g.id));
    expect(row).toMatchObject({ isAnonymous: true, creditsBalance: GUEST_CREDITS });
    expect(row!.email).toMatch(/@guest\.image-studio\.invalid$/);
    const mail = await mailTo(t, owner.email);
    expect(mail.some((m) => /already have an Image Studio account/i.test(m.subject))).toBe(true);
  });

  it("refuses bad input with 400, full accounts with 409 and anonymous callers with 401", async () => {
    const g = await guest();
    const short = await upgrade(g, { name: "X", email: `x-${g.id}@example.test`, password: "short" });
    expect(short.status).toBe(400);
    expect(errorBodySchema.parse(await short.json()).error.code).toBe("VALIDATION_FAILED");
    const [row] = await t.deps.database.db.select().from(users).where(eq(users.id, g.id));
    expect(row!.isAnonymous).toBe(true);

    const member = await signUp(t);
    const full = await jsonRequest(t, "/api/auth/guest/upgrade", {
      body: { name: "M", email: `m-${member.user.id}@example.test`, password: TEST_PASSWORD },
      cookie: member.cookie,
      ip: member.ip,
    });
    expect(full.status).toBe(409);
    const anon = await jsonRequest(t, "/api/auth/guest/upgrade", {
      body: { name: "A", email: "a@example.test", password: TEST_PASSWORD },
    });
    expect(anon.status).toBe(401);
  });

  it("refuses a common password on its field, as registering does", async () => {
    const g = await guest();
    const res = await upgrade(g, { name: "Dana", email: `common-${g.id}@example.test`, password: "password123" });
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(await res.json());
    expect(JSON.stringify(body.error.details)).toContain("password");
    expect(body.error.message).toMatch(/common/i);
  });
});
