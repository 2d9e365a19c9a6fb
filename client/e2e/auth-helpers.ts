import { createHmac, randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

export const E2E_PASSWORD = "correct horse battery staple";

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) for a base32 secret, as an authenticator app computes it. */
export function totp(base32Secret: string, at = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const key: number[] = [];
  for (const ch of base32Secret.replace(/[\s=]/g, "").toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      key.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac("sha1", Buffer.from(key)).update(counter).digest();
  const o = h[h.length - 1]! & 0xf;
  return String((((h[o]! & 0x7f) << 24) | (h[o + 1]! << 16) | (h[o + 2]! << 8) | h[o + 3]!) % 1_000_000).padStart(
    6,
    "0",
  );
}

/** Administrator of the e2e install: global-setup.ts makes it before any test file runs. */
export const E2E_ADMIN_EMAIL = "e2e-admin@example.test";

/** Signs the e2e install's admin (made by global-setup.ts) in within a browser context. */
export async function signInAsAdmin(context: BrowserContext) {
  const login = await context.request.post("/api/auth/login", { data: { email: E2E_ADMIN_EMAIL, password: E2E_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
}

export const newEmail = () => `e2e-${randomUUID().slice(0, 8)}@example.test`;

/**
 * Signs a fresh user in through the API within a browser context (its cookies are the context's): register,
 * confirm with the token from the dev mailbox (which signs in). For tests that need a signed-in app.
 */
export async function signUpInContext(
  context: BrowserContext,
  name = "E2E User",
): Promise<{ email: string; password: string }> {
  const email = newEmail();
  const reg = await context.request.post("/api/auth/register", { data: { name, email, password: E2E_PASSWORD } });
  expect(reg.status()).toBe(201);
  const mail = (await (await context.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json()) as {
    items: { subject: string; text: string }[];
  };
  const token = /[?&]token=([^\s&]+)/.exec(mail.items.find((m) => /confirm your email/i.test(m.subject))!.text)![1]!;
  const verify = await context.request.post("/api/auth/verify-email", { data: { token: decodeURIComponent(token) } });
  expect(verify.status()).toBe(200);
  return { email, password: E2E_PASSWORD };
}

/**
 * Fills the sign-in form, and the two-factor step when asked: a code from the authenticator (`at` picks the moment
 * whose code is typed — a code is accepted once, so a later sign-in types the next one, as a person waiting for it
 * would) or one of the backup codes.
 */
export async function signInWithForm(
  page: Page,
  email: string,
  password: string,
  twoFactor?: { secret: string; at?: number } | { backupCode: string },
) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (twoFactor && "backupCode" in twoFactor) {
    await page.getByRole("button", { name: "Use a backup code" }).click();
    await page.getByLabel("Backup code").fill(twoFactor.backupCode);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  } else if (twoFactor) {
    await page.getByLabel("Authentication code").fill(totp(twoFactor.secret, twoFactor.at));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  }
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000, interval: 100 }).toBe("/dashboard");
}
