import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { userPrefix } from "../../src/storage/keys";
import { listAll } from "../../src/storage/types";
import { createTestApp, jsonRequest, mailTo, randomIp, signUp, TEST_ORIGIN, type TestApp } from "../harness";
import { expectError } from "./helpers";

describe("data export and account deletion", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("exports the user's rows as JSON without secrets", async () => {
    const u = await signUp(t);
    const res = await jsonRequest(t, "/api/account/export", { cookie: u.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="image-studio-export-/);
    const data = (await res.json()) as { format: string; tables: Record<string, Record<string, unknown>[]> };
    expect(data.format).toBe("image-studio-export/v1");
    expect(data.tables.users).toHaveLength(1);
    expect(data.tables.users![0]).toMatchObject({ id: u.user.id, email: u.email });
    expect(data.tables.credit_transactions!.map((r) => r.kind)).toContain("grant");
    expect(data.tables.sessions!.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/"(password|token|secret|backupCodes|accessToken)"/);
    expect(data.tables.two_factors).toBeUndefined();
    await expectError(await jsonRequest(t, "/api/account/export"), 401, "UNAUTHORIZED");
  });

  it("needs the password, then deletes every row and stored object of the user", async () => {
    const u = await signUp(t);
    const bystander = await signUp(t);
    const form = new FormData();
    form.set(
      "file",
      new File(
        [
          new Uint8Array(
            await sharp({ create: { width: 50, height: 50, channels: 3, background: "#8B5CF6" } })
              .png()
              .toBuffer(),
          ),
        ],
        "a.png",
      ),
    );
    const up = await t.request("/api/account/avatar", {
      method: "POST",
      body: form,
      headers: { Cookie: u.cookie, Origin: TEST_ORIGIN, "X-Forwarded-For": randomIp() },
    });
    expect(up.status).toBe(201);
    await t.deps.storage.put(
      `${userPrefix(u.user.id)}uploads/00000000-0000-4000-8000-000000000001.png`,
      Buffer.from("x"),
      { contentType: "image/png" },
    );
    expect((await listAll(t.deps.storage, userPrefix(u.user.id))).length).toBe(3);

    await expectError(
      await jsonRequest(t, "/api/account/delete", { cookie: u.cookie, body: { password: u.password } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/account/delete", { cookie: u.cookie, body: { confirm: "DELETE" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/account/delete", {
        cookie: u.cookie,
        body: { confirm: "DELETE", password: "not it" },
      }),
      400,
      "BAD_REQUEST",
    );

    const res = await jsonRequest(t, "/api/account/delete", {
      cookie: u.cookie,
      body: { confirm: "DELETE", password: u.password },
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => /session_token=;/.test(c))).toBe(true);
    expect(await listAll(t.deps.storage, userPrefix(u.user.id))).toEqual([]);
    expect(await t.deps.database.db.select().from(users).where(eq(users.id, u.user.id))).toEqual([]);
    await expectError(await jsonRequest(t, "/api/auth/me", { cookie: u.cookie }), 401, "UNAUTHORIZED");
    await expectError(
      await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } }),
      401,
      "UNAUTHORIZED",
    );
    expect((await mailTo(t, u.email))[0]!.subject).toMatch(/account was deleted/i);
    // Nobody else is touched.
    expect((await jsonRequest(t, "/api/auth/me", { cookie: bystander.cookie })).status).toBe(200);
  });
});
