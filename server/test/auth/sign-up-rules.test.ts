import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type TestApp, TEST_PASSWORD, tokenFromMail } from "../harness";
import { expectError } from "./helpers";

const COMMON = ["password123", "12345678", "qwertyuiop", "Password123"];
const issuePaths = (details: unknown) =>
  ((details as { issues?: { path: string[] }[] }).issues ?? []).map((i) => i.path.join("."));

describe("Better Auth's raw sign-up holds the same rules as /register", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const email = () => `raw-${crypto.randomUUID()}@example.test`;
  const userExists = async (address: string) =>
    (await t.deps.database.db.select().from(users).where(eq(users.email, address))).length > 0;

  it("refuses an over-long name and a foreign avatar URL with field errors, and creates nobody", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "a".repeat(20_000) }, "name"],
      [{ name: "   " }, "name"],
      [{ image: "https://evil.example/tracker.png" }, "image"],
      [{ email: "not an email" }, "email"],
      [{ password: "short" }, "password"],
    ];
    for (const [override, field] of cases) {
      const body = { name: "Raw", email: email(), password: TEST_PASSWORD, ...override };
      const e = await expectError(await jsonRequest(t, "/api/auth/sign-up/email", { body }), 400, "VALIDATION_FAILED");
      expect(issuePaths(e.details)).toContain(field);
      if (typeof body.email === "string" && body.email.includes("@")) expect(await userExists(body.email)).toBe(false);
    }
  });

  it("still signs up with a valid body, storing the name trimmed and the email lower-cased", async () => {
    const address = email();
    const res = await jsonRequest(t, "/api/auth/sign-up/email", {
      body: { name: "  Raw Person  ", email: address.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const [row] = await t.deps.database.db.select().from(users).where(eq(users.email, address));
    expect(row).toMatchObject({ name: "Raw Person", image: null });
  });
});

describe("common passwords", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("are refused at sign-up, on both routes, with a clear message on the password field", async () => {
    for (const password of COMMON) {
      for (const path of ["/api/auth/register", "/api/auth/sign-up/email"]) {
        const body = { name: "Common", email: `common-${crypto.randomUUID()}@example.test`, password };
        const e = await expectError(await jsonRequest(t, path, { body }), 400, "VALIDATION_FAILED");
        expect(issuePaths(e.details)).toEqual(["password"]);
        expect(e.message).toMatch(/common/);
      }
    }
  });

  it("are refused as a new password (reset and change), and the old password keeps working", async () => {
    const u = await signUp(t);
    await jsonRequest(t, "/api/auth/forgot-password", { body: { email: u.email } });
    const token = await tokenFromMail(t, u.email, /reset your/i);
    const reset = await expectError(
      await jsonRequest(t, "/api/auth/reset-password", { body: { token, password: "12345678" } }),
      400,
      "VALIDATION_FAILED",
    );
    expect(issuePaths(reset.details)).toEqual(["password"]);
    const change = await expectError(
      await jsonRequest(t, "/api/auth/change-password", {
        method: "PUT",
        cookie: u.cookie,
        body: { currentPassword: u.password, newPassword: "qwertyuiop" },
      }),
      400,
      "VALIDATION_FAILED",
    );
    expect(issuePaths(change.details)).toEqual(["newPassword"]);
    const raw = await expectError(
      await jsonRequest(t, "/api/auth/change-password", {
        cookie: u.cookie,
        body: { currentPassword: u.password, newPassword: "password123" },
      }),
      400,
      "VALIDATION_FAILED",
    );
    expect(issuePaths(raw.details)).toEqual(["newPassword"]);
    const login = await jsonRequest(t, "/api/auth/login", { body: { email: u.email, password: u.password } });
    expect(login.status).toBe(200);
  });
});

describe("unknown and disabled auth paths", () => {
  it("answer 404 with the JSON error body", async () => {
    const t = await createTestApp();
    for (const [method, path] of [
      ["GET", "/api/auth/no-such-endpoint"],
      ["POST", "/api/auth/no-such-endpoint"],
      ["POST", "/api/auth/delete-user"],
      ["POST", "/api/auth/update-user"],
      ["GET", "/api/auth/sign-up/email"],
    ] as const) {
      const res = await jsonRequest(t, path, { method, body: method === "POST" ? {} : undefined });
      expect(res.headers.get("content-type")).toContain("application/json");
      await expectError(res, 404, "NOT_FOUND");
    }
    await t.close();
  });
});
