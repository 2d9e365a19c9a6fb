import type { CreditLimits } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, notifications } from "../../src/db/schema";
import { waitFor } from "../factories";
import { createTestApp, jsonRequest, mailTo, signUp, type SignedUpUser, type TestApp } from "../harness";

/** The monthly spending limit blocks new paid jobs with a clear 403; crossing it and the low-balance alert notify once. */
describe("credit limits and alerts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const generate = (u: SignedUpUser, numImages = 1) =>
    jsonRequest(t, "/api/generate/text-to-image", {
      cookie: u.cookie,
      ip: u.ip,
      body: { prompt: "a kite", modelId: "local/sketch-fast", parameters: { width: 128, height: 128, numImages } },
    });
  const setLimits = (u: SignedUpUser, body: unknown) =>
    jsonRequest(t, "/api/credits/limits", { method: "PUT", cookie: u.cookie, ip: u.ip, body });
  const bell = (u: SignedUpUser, kind: string) =>
    t.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, u.user.id), eq(notifications.kind, kind)));

  it("stores the limits and says what is left this month", async () => {
    const u = await signUp(t);
    const empty = (await (
      await jsonRequest(t, "/api/credits/limits", { cookie: u.cookie, ip: u.ip })
    ).json()) as CreditLimits;
    expect(empty).toEqual({ monthlyLimit: null, lowBalanceAlert: null, spentThisMonth: 0, remainingThisMonth: null });
    expect((await generate(u, 2)).status).toBe(202);
    const res = await setLimits(u, { monthlyLimit: 10, lowBalanceAlert: 100 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      monthlyLimit: 10,
      lowBalanceAlert: 100,
      spentThisMonth: 2,
      remainingThisMonth: 8,
    });
    for (const bad of [
      { monthlyLimit: 0, lowBalanceAlert: null },
      { monthlyLimit: -5, lowBalanceAlert: null },
      { monthlyLimit: "ten", lowBalanceAlert: null },
      { monthlyLimit: 1.5, lowBalanceAlert: null },
      {},
    ]) {
      const r = await setLimits(u, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    const again = (await (
      await jsonRequest(t, "/api/credits/limits", { cookie: u.cookie, ip: u.ip })
    ).json()) as CreditLimits;
    expect(again.monthlyLimit).toBe(10);
  });

  it("blocks a job past the monthly limit with a clear message, notifies once, and lets go when raised", async () => {
    const u = await signUp(t);
    expect((await setLimits(u, { monthlyLimit: 3, lowBalanceAlert: null })).status).toBe(200);
    expect((await generate(u, 2)).status).toBe(202);
    expect((await generate(u, 1)).status).toBe(202); // exactly at the limit
    const blocked = await generate(u, 1);
    expect(blocked.status).toBe(403);
    const body = (await blocked.json()) as {
      error: { message: string; details: { reason: string; limit: number; spent: number } };
    };
    expect(body.error.message).toMatch(/monthly spending limit of 3 leaves 0/);
    expect(body.error.details).toMatchObject({ reason: "MONTHLY_LIMIT", limit: 3, spent: 3 });
    expect((await generate(u, 1)).status).toBe(403);
    const jobs = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, u.user.id));
    expect(jobs).toHaveLength(2);
    const rows = await waitFor(async () => {
      const r = await bell(u, "credits.limit");
      return r.length ? r : null;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.link).toBe("/usage");
    const mail = await waitFor(async () => (await mailTo(t, u.email)).find((m) => /spending limit/i.test(m.subject)));
    expect(mail.text).toMatch(/3-credit limit/);
    expect((await setLimits(u, { monthlyLimit: null, lowBalanceAlert: null })).status).toBe(200);
    expect((await generate(u, 1)).status).toBe(202);
    expect(await bell(u, "credits.limit")).toHaveLength(1);
  });

  it("notifies when a job takes the balance below the alert, once per crossing", async () => {
    const u = await signUp(t);
    const start = u.user.creditsBalance;
    expect((await setLimits(u, { monthlyLimit: null, lowBalanceAlert: start - 2 })).status).toBe(200);
    expect((await generate(u, 2)).status).toBe(202); // lands exactly on the threshold: not below
    expect(await bell(u, "credits.low")).toHaveLength(0);
    expect((await generate(u, 1)).status).toBe(202); // crosses
    expect((await generate(u, 1)).status).toBe(202); // already below: no new crossing
    const rows = await waitFor(async () => {
      const r = await bell(u, "credits.low");
      return r.length ? r : null;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toMatch(`You have ${start - 3} credits left`);
  });

  it("never lets concurrent jobs pass the limit together", async () => {
    const u = await signUp(t);
    expect((await setLimits(u, { monthlyLimit: 2, lowBalanceAlert: null })).status).toBe(200);
    const results = await Promise.all(Array.from({ length: 6 }, () => generate(u, 1)));
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([202, 202, 403, 403, 403, 403]);
    const jobs = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, u.user.id));
    expect(jobs).toHaveLength(2);
  });
});
