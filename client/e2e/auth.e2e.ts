import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, newEmail, signInWithForm, totp } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

const NEW_PASSWORD = "a brand new passphrase";
/** Waits for a condition (password hashing and the embedded database make some steps take a few seconds). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

describe("accounts: the whole journey in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("sends signed-out visitors to sign in and back to where they were", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/projects?view=grid");
    await poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/projects?view=grid");
    await poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("register → confirm from the dev mailbox → sign out → sign in → 2FA → sign in with TOTP → a second device with a backup code → change password → other sessions revoked", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const email = newEmail();

    // Register.
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Create account" }).click();
    await poll(() => page.getByRole("heading", { name: "Check your inbox" }).isVisible()).toBe(true);
    expect(await page.getByText(email).isVisible()).toBe(true);

    // Open the confirmation link from the dev mailbox.
    await page.getByRole("link", { name: "Open the dev mailbox" }).click();
    await poll(() => page.getByRole("heading", { name: "Dev mailbox" }).isVisible()).toBe(true);
    const message = page.getByRole("button", {
      name: new RegExp(`Confirm your email for Image Studio.*${email.replace(/[.+]/g, "\\$&")}`),
    });
    await message.first().click();
    await page.getByRole("navigation", { name: "Links in this message" }).getByRole("link").first().click();
    await poll(() => page.getByRole("heading", { name: "Email confirmed" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: "Continue to your studio" }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/dashboard");

    // Sign out, then in with the password.
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await signInWithForm(page, email, E2E_PASSWORD);

    // Turn on two-factor in Settings → Account.
    await page.goto("/settings?tab=account");
    await page.getByRole("button", { name: "Set up two-factor" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
    await dialog.getByRole("button", { name: "Continue" }).click();
    const secretBox = dialog.getByTestId("totp-secret");
    await poll(() => secretBox.isVisible()).toBe(true);
    expect(await dialog.locator("svg title", { hasText: "QR code" }).count()).toBe(1);
    const secret = ((await secretBox.textContent()) ?? "").replace(/\s/g, "");
    // The current step's code. The server accepts the steps either side of its own, so a code typed now still counts
    // if a step boundary passes before the server checks it (a previous step's code would then be two steps old).
    await dialog.getByLabel("Code from the app").fill(totp(secret));
    await dialog.getByRole("button", { name: "Turn on two-factor" }).click();
    await poll(() => dialog.getByRole("list", { name: "Backup codes" }).isVisible()).toBe(true);
    const backupCodes = dialog.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
    expect(await backupCodes.count()).toBe(10);
    const backupCode = ((await backupCodes.first().textContent()) ?? "").trim();
    await dialog.getByRole("button", { name: "I've saved them" }).click();
    await poll(() =>
      page.getByRole("region", { name: "Two-factor authentication" }).getByText("On", { exact: true }).isVisible(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Sign out; signing in now asks for a TOTP code: the next step's (a code is accepted once, and the current one
    // may be the one that turned two-factor on; the next one stays valid across a step boundary too).
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await signInWithForm(page, email, E2E_PASSWORD, { secret, at: Date.now() + 30_000 });

    // A second device signs in with one of the backup codes.
    const other = await newContext(browser, { width: 390, colorScheme: "dark" });
    const otherPage = await other.newPage();
    expect(backupCode).toMatch(/\S{6,}/);
    await signInWithForm(otherPage, email, E2E_PASSWORD, { backupCode });

    // Change the password on the first device.
    await page.goto("/settings?tab=account");
    const sessions = page.getByRole("list", { name: "Signed-in devices" });
    await poll(() => sessions.getByRole("listitem").count()).toBe(2);
    const passwordCard = page.getByRole("region", { name: "Password" });
    await passwordCard.getByLabel("Current password", { exact: true }).fill(E2E_PASSWORD);
    await passwordCard.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await passwordCard.getByLabel("Repeat new password", { exact: true }).fill(NEW_PASSWORD);
    await passwordCard.getByRole("button", { name: "Change password" }).click();
    await poll(() => page.getByText("Password changed").first().isVisible()).toBe(true);
    await poll(() => sessions.getByRole("listitem").count()).toBe(1);

    // The other device is signed out; this one stays signed in.
    await otherPage.goto("/dashboard");
    await poll(() => new URL(otherPage.url()).pathname).toBe("/sign-in");
    await page.reload();
    await poll(() => page.getByRole("heading", { name: "Settings" }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/settings");

    expect(errors).toEqual([]);
    await other.close();
    await context.close();
  }, 120_000);
});
