import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { GUEST_CREDITS } from "../../src/auth/auth-hooks";
import { cookieFrom, createTestApp, jsonRequest, randomIp, type TestApp } from "../harness";

describe("Try demo: guest accounts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs a visitor in as a guest with limited credits who can generate on the local engine", async () => {
    const ip = randomIp();
    const res = await jsonRequest(t, "/api/auth/sign-in/anonymous", { body: {}, ip });
    expect(res.status).toBe(200);
    const cookie = cookieFrom(res);
    const me = await jsonRequest(t, "/api/auth/me", { method: "GET", cookie, ip });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: { id: string; role: string } };
    const [row] = await t.deps.database.db.select().from(users).where(eq(users.id, body.user.id));
    expect(row!.isAnonymous).toBe(true);
    expect(row!.role).toBe("user");
    expect(row!.creditsBalance).toBe(GUEST_CREDITS);
    const job = await jsonRequest(t, "/api/generate/text-to-image", {
      body: { prompt: "a demo sunset", modelId: "local/sketch" },
      cookie,
      ip,
    });
    expect(job.status).toBe(202);
  });
});
