import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, jsonRequest, randomIp, signUp, type TestApp } from "../harness";
import { expectError } from "./helpers";

/**
 * Failed sign-ins are limited per (client IP, account): 10 per 15 minutes. Better Auth also allows 5 sign-in
 * attempts per IP and minute, so the tests move a frozen clock on by a minute between bursts.
 */
describe("sign-in lockout", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const nextMinute = () => vi.setSystemTime(Date.now() + 61_000);
  const login = (email: string, password: string, ip: string) =>
    jsonRequest(t, "/api/auth/login", { body: { email, password }, ip });

  it("locks out the address that guesses, not the account's owner elsewhere", async () => {
    const u = await signUp(t);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const attacker = randomIp();
    const statuses: number[] = [];
    for (let burst = 0; burst < 2; burst++) {
      for (let i = 0; i < 5; i++) statuses.push((await login(u.email, "wrong-wrong", attacker)).status);
      nextMinute();
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const locked = await expectError(await login(u.email, "wrong-wrong", attacker), 429, "RATE_LIMITED");
    expect(locked.message).toMatch(/Too many attempts for this account/);
    // Even the right password is refused from that address for now…
    await expectError(await login(u.email, u.password, attacker), 429, "RATE_LIMITED");
    // …but the owner, from their own address, signs in.
    const owner = await login(u.email, u.password, u.ip);
    expect(owner.status, await owner.clone().text()).toBe(200);
    const elsewhere = await login(u.email, u.password, randomIp());
    expect(elsewhere.status).toBe(200);
  });

  it("counts failures only, never successful sign-ins", async () => {
    const u = await signUp(t);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const ip = randomIp();
    const run = async (passwords: string[]) => {
      const out: number[] = [];
      for (const p of passwords) out.push((await login(u.email, p, ip)).status);
      nextMinute();
      return out;
    };
    const wrong = "wrong-wrong";
    expect(await run([wrong, wrong, wrong, wrong, wrong])).toEqual([401, 401, 401, 401, 401]);
    expect(await run([wrong, wrong, wrong, wrong, u.password])).toEqual([401, 401, 401, 401, 200]);
    // Nine failures so far: successes leave room for exactly one more.
    expect(await run([u.password, u.password, u.password, wrong, wrong])).toEqual([200, 200, 200, 401, 429]);
  });
});
