import type { CreditCode, RedeemResult } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, creditCodes } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";
import { randomUUID } from "node:crypto";

/** Admins make codes; users redeem each once, while it lasts; every redemption is audited and in the ledger. */
describe("redeemable credit codes", () => {
  let t: TestApp;
  let admin: SignedUpUser;
  const adminEmail = `admin-${randomUUID()}@example.test`;
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_EMAILS: adminEmail });
    admin = await signUp(t, { email: adminEmail });
  });
  afterAll(async () => t.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await jsonRequest(t, "/api/admin/credit-codes", { cookie: admin.cookie, ip: admin.ip, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as CreditCode;
  };
  const redeem = (u: SignedUpUser, code: string) =>
    jsonRequest(t, "/api/credits/redeem", { cookie: u.cookie, ip: u.ip, body: { code } });
  const balance = async (u: SignedUpUser) =>
    (
      (await (await jsonRequest(t, "/api/credits/balance", { cookie: u.cookie, ip: u.ip })).json()) as {
        balance: number;
      }
    ).balance;

  it("lets an admin make and list codes, audited; a user may not", async () => {
    const code = await create({ amount: 250, maxRedemptions: 3, note: "launch" });
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const named = await create({ code: `spring-${randomUUID().slice(0, 8)}`, amount: 10 });
    expect(named.code).toBe(named.code.toUpperCase());
    expect(named.maxRedemptions).toBe(1);
    const dup = await jsonRequest(t, "/api/admin/credit-codes", {
      cookie: admin.cookie,
      ip: admin.ip,
      body: { code: named.code.toLowerCase(), amount: 5 },
    });
    expect(dup.status).toBe(409);
    const past = await jsonRequest(t, "/api/admin/credit-codes", {
      cookie: admin.cookie,
      ip: admin.ip,
      body: { amount: 5, expiresAt: "2001-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    const list = (await (
      await jsonRequest(t, "/api/admin/credit-codes", { cookie: admin.cookie, ip: admin.ip })
    ).json()) as { items: CreditCode[] };
    expect(list.items.map((c) => c.id)).toEqual(expect.arrayContaining([code.id, named.id]));
    const audited = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "code.create"), eq(auditLog.targetId, code.id)));
    expect(audited).toHaveLength(1);
    const u = await signUp(t);
    expect(
      (await jsonRequest(t, "/api/admin/credit-codes", { cookie: u.cookie, ip: u.ip, body: { amount: 5 } })).status,
    ).toBe(403);
  });

  it("credits a code once per user, however often it is sent (and in any case)", async () => {
    const code = await create({ amount: 250, maxRedemptions: 5 });
    const u = await signUp(t);
    const before = await balance(u);
    const first = await redeem(u, code.code.toLowerCase());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      code: code.code,
      amount: 250,
      balance: before + 250,
      alreadyRedeemed: false,
    } satisfies RedeemResult);
    const again = await Promise.all([redeem(u, code.code), redeem(u, code.code)]);
    for (const r of again)
      expect(await r.json()).toMatchObject({ alreadyRedeemed: true, amount: 250, balance: before + 250 });
    expect(await balance(u)).toBe(before + 250);
    const [row] = await t.deps.database.db.select().from(creditCodes).where(eq(creditCodes.id, code.id));
    expect(row!.redemptions).toBe(1);
    const history = (await (
      await jsonRequest(t, "/api/credits/history?kind=redeem", { cookie: u.cookie, ip: u.ip })
    ).json()) as { items: { amount: number; reason: string }[] };
    expect(history.items).toEqual([expect.objectContaining({ amount: 250, reason: `Code ${code.code}` })]);
    const audited = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "credits.redeem"), eq(auditLog.actorId, u.user.id)));
    expect(audited).toHaveLength(1);
  });

  it("refuses an unknown, expired or used-up code and changes nothing", async () => {
    const u = await signUp(t);
    const before = await balance(u);
    const unknown = await redeem(u, "NOPE-NOPE-NOPE");
    expect(unknown.status).toBe(404);
    const expired = await create({ amount: 100, maxRedemptions: 10 });
    await t.deps.database.db
      .update(creditCodes)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(creditCodes.id, expired.id));
    const late = await redeem(u, expired.code);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    const single = await create({ amount: 100, maxRedemptions: 1 });
    const other = await signUp(t);
    expect((await redeem(other, single.code)).status).toBe(200);
    const gone = await redeem(u, single.code);
    expect(gone.status).toBe(409);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/used up/);
    expect(await balance(u)).toBe(before);
    for (const bad of ["", "a", "x".repeat(41), "DROP TABLE;", 42])
      expect(
        (await jsonRequest(t, "/api/credits/redeem", { cookie: u.cookie, ip: u.ip, body: { code: bad } })).status,
      ).toBe(400);
  });

  it("counts concurrent redemptions by different users exactly up to the maximum", async () => {
    const code = await create({ amount: 7, maxRedemptions: 2 });
    const users = await Promise.all(Array.from({ length: 5 }, () => signUp(t)));
    const results = await Promise.all(users.map((u) => redeem(u, code.code)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409, 409]);
    const [row] = await t.deps.database.db.select().from(creditCodes).where(eq(creditCodes.id, code.id));
    expect(row!.redemptions).toBe(2);
  });
});
