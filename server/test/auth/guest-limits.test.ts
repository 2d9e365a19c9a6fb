import { errorBodySchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, sessions, users } from "../../src/db/schema";
import { cookieFrom, createTestApp, jsonRequest, randomIp, signUp, type TestApp } from "../harness";

const FAL_KEY = "test-key:test-secret"; // fal models become "available"; nothing here ever reaches fal

async function guest(t: TestApp, ip = randomIp()) {
  const res = await jsonRequest(t, "/api/auth/sign-in/anonymous", { body: {}, ip });
  return { res, cookie: cookieFrom(res), ip };
}

describe("guest creation is capped per client address", () => {
  let hourly: TestApp;
  let daily: TestApp;
  beforeAll(async () => {
    hourly = await createTestApp({ GUESTS_PER_IP_HOUR: "2", GUESTS_PER_IP_DAY: "50" });
    daily = await createTestApp({ GUESTS_PER_IP_HOUR: "50", GUESTS_PER_IP_DAY: "2" });
  });
  afterAll(async () => {
    await hourly.close();
    await daily.close();
  });

  it("refuses the guest past the hourly cap from one address with 429, and creates no user", async () => {
    const ip = randomIp();
    expect((await guest(hourly, ip)).res.status).toBe(200);
    expect((await guest(hourly, ip)).res.status).toBe(200);
    // This address's guests (other files make users in the shared database at the same time: count only these).
    const fromIp = async () => (await hourly.deps.database.db.select({ id: sessions.userId }).from(sessions).where(eq(sessions.ipAddress, ip))).length;
    expect(await fromIp()).toBe(2);
    const third = await guest(hourly, ip);
    expect(third.res.status).toBe(429);
    const body = errorBodySchema.parse(await third.res.json());
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(/this hour/);
    expect(third.res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await fromIp()).toBe(2);
    // Another address is not affected.
    expect((await guest(hourly)).res.status).toBe(200);
  });

  it("refuses the guest past the daily cap from one address", async () => {
    const ip = randomIp();
    for (let i = 0; i < 2; i++) expect((await guest(daily, ip)).res.status).toBe(200);
    const refused = await guest(daily, ip);
    expect(refused.res.status).toBe(429);
    expect(errorBodySchema.parse(await refused.res.json()).error.message).toMatch(/this day/);
  });

  it("does not trust a client-sent address header without TRUST_PROXY", async () => {
    const t = await createTestApp({ GUESTS_PER_IP_HOUR: "1", TRUST_PROXY: "false" });
    try {
      expect((await guest(t)).res.status).toBe(200);
      expect((await guest(t)).res.status).toBe(429); // a fresh X-Forwarded-For does not buy a fresh bucket
    } finally {
      await t.close();
    }
  });
});

describe("guests keep to the local engine", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ FAL_KEY });
  });
  afterAll(() => t.close());

  it("refuses a fal.ai model with a clear 403, queues nothing and holds no credits", async () => {
    const g = await guest(t);
    const me = (await (await jsonRequest(t, "/api/auth/me", { cookie: g.cookie, ip: g.ip })).json()) as {
      user: { id: string; creditsBalance: number; isGuest: boolean };
    };
    expect(me.user.isGuest).toBe(true);
    const res = await jsonRequest(t, "/api/generate/text-to-image", {
      body: { prompt: "a lighthouse", modelId: "fal-ai/flux/schnell" },
      cookie: g.cookie,
      ip: g.ip,
    });
    expect(res.status).toBe(403);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.message).toMatch(/guests can't use.*Create an account/);
    expect(body.error.details).toMatchObject({ reason: "GUEST_LOCAL_ONLY" });
    const jobs = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, me.user.id));
    expect(jobs).toHaveLength(0);
    const [row] = await t.deps.database.db.select().from(users).where(eq(users.id, me.user.id));
    expect(row!.creditsBalance).toBe(me.user.creditsBalance);
    const local = await jsonRequest(t, "/api/generate/text-to-image", {
      body: { prompt: "a lighthouse", modelId: "local/sketch" },
      cookie: g.cookie,
      ip: g.ip,
    });
    expect(local.status).toBe(202);
  });

  it("marks fal.ai models unavailable for guests in the models list, and only for guests", async () => {
    type Item = { id: string; provider: string; available: boolean; unavailableReason?: string };
    const list = async (cookie?: string) =>
      ((await (await jsonRequest(t, "/api/models", { cookie })).json()) as { items: Item[] }).items;
    const g = await guest(t);
    const forGuest = await list(g.cookie);
    const falForGuest = forGuest.filter((m) => m.provider === "fal");
    expect(falForGuest.length).toBeGreaterThan(0);
    expect(falForGuest.every((m) => !m.available && /create an account/i.test(m.unavailableReason ?? ""))).toBe(true);
    expect(forGuest.filter((m) => m.provider === "local").every((m) => m.available)).toBe(true);
    const one = (await (await jsonRequest(t, "/api/models/fal-ai/flux/schnell", { cookie: g.cookie })).json()) as Item;
    expect(one.available).toBe(false);

    const member = await signUp(t);
    expect((await list(member.cookie)).filter((m) => m.provider === "fal").every((m) => m.available)).toBe(true);
    expect((await list()).filter((m) => m.provider === "fal").every((m) => m.available)).toBe(true);
  });
});
