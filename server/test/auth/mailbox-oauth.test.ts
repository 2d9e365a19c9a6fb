import { authConfigSchema, devMailSchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";
import { expectError } from "./helpers";

describe("dev mailbox", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lists mail newest first with to, subject, text and html, and says mail is local", async () => {
    const u = await signUp(t);
    await jsonRequest(t, "/api/auth/forgot-password", { body: { email: u.email } });
    const res = await t.request(`/api/dev/mailbox?to=${encodeURIComponent(u.email)}`);
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: unknown[] }).items.map((m) => devMailSchema.parse(m));
    expect(items.map((m) => m.subject)).toEqual([
      "Reset your Image Studio password",
      "Confirm your email for Image Studio",
    ]);
    expect(Date.parse(items[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(items.at(-1)!.createdAt));
    expect(items.every((m) => m.to === u.email && m.html.startsWith("<!doctype html>") && m.text.length > 20)).toBe(
      true,
    );
    const config = authConfigSchema.parse(await (await t.request("/api/auth/config")).json());
    expect(config.devMailbox).toBe(true);
  });

  it("is off whenever SMTP is configured", async () => {
    const smtp = await createTestApp({ SMTP_URL: "smtp://127.0.0.1:2525" });
    await expectError(await smtp.request("/api/dev/mailbox"), 404, "NOT_FOUND");
    const config = authConfigSchema.parse(await (await smtp.request("/api/auth/config")).json());
    expect(config.devMailbox).toBe(false);
    await smtp.close();
  });

  it("can be switched off, and then the sign-in page does not point to it", async () => {
    const off = await createTestApp({ DEV_MAILBOX: "off" });
    await expectError(await off.request("/api/dev/mailbox"), 404, "NOT_FOUND");
    expect(authConfigSchema.parse(await (await off.request("/api/auth/config")).json()).devMailbox).toBe(false);
    await off.close();
  });
});

describe("OAuth providers", () => {
  it("offers no providers without client ids", async () => {
    const t = await createTestApp();
    const config = authConfigSchema.parse(await (await t.request("/api/auth/config")).json());
    expect(config.providers).toEqual({ github: false, google: false });
    const res = await jsonRequest(t, "/api/auth/sign-in/social", {
      body: { provider: "github", callbackURL: "/dashboard" },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await t.close();
  });

  it("enables GitHub and Google sign-in when their client ids are configured, and lists linked accounts", async () => {
    const t = await createTestApp({
      GITHUB_CLIENT_ID: "gh-id",
      GITHUB_CLIENT_SECRET: "gh-secret",
      GOOGLE_CLIENT_ID: "g-id",
      GOOGLE_CLIENT_SECRET: "g-secret",
    });
    const config = authConfigSchema.parse(await (await t.request("/api/auth/config")).json());
    expect(config.providers).toEqual({ github: true, google: true });
    const gh = await jsonRequest(t, "/api/auth/sign-in/social", {
      body: { provider: "github", callbackURL: "/dashboard" },
    });
    expect(gh.status).toBe(200);
    const { url } = (await gh.json()) as { url: string };
    expect(new URL(url).host).toBe("github.com");
    expect(new URL(url).searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/github");
    const google = (await (
      await jsonRequest(t, "/api/auth/sign-in/social", { body: { provider: "google" } })
    ).json()) as { url: string };
    expect(new URL(google.url).host).toBe("accounts.google.com");
    await expectError(
      await jsonRequest(t, "/api/auth/sign-in/social", {
        body: { provider: "github", callbackURL: "https://evil.example/steal" },
      }),
      403,
      "FORBIDDEN",
    );

    const u = await signUp(t);
    const accounts = (await (await jsonRequest(t, "/api/auth/list-accounts", { cookie: u.cookie })).json()) as {
      id: string;
      providerId: string;
    }[];
    expect(accounts.map((a) => a.providerId)).toEqual(["credential"]);
    const link = await jsonRequest(t, "/api/auth/link-social", {
      cookie: u.cookie,
      body: { provider: "github", callbackURL: "/settings" },
    });
    expect(link.status).toBe(200);
    expect(new URL(((await link.json()) as { url: string }).url).host).toBe("github.com");
    // The only way to sign in can't be unlinked.
    const last = await expectError(
      await jsonRequest(t, "/api/auth/unlink-account", { cookie: u.cookie, body: { accountId: accounts[0]!.id } }),
      400,
      "BAD_REQUEST",
    );
    expect(last.details).toMatchObject({ reason: "FAILED_TO_UNLINK_LAST_ACCOUNT" });
    expect(last.message).toMatch(/only way to sign in/);
    await t.close();
  });
});
