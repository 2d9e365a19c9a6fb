import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { baseURL, launch, newContext, visitorIp, watchErrors } from "./browser";

/**
 * Catalogs load per route (client/src/i18n/routes.ts): only English `common` and `shell` are in the app entry. A
 * first visit in German and a move to a page whose catalogs are not loaded yet must show the page's text in its
 * language from the first paint: never English first, never raw keys. Every text the page ever shows is recorded
 * by a MutationObserver from before the app's first script runs.
 */
async function recordTexts(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { seenTexts: Set<string> }).seenTexts = seen;
    const record = () => {
      for (const el of document.querySelectorAll("h1, h2, label, a, button, p")) {
        for (const text of [(el as HTMLElement).innerText?.trim(), el.getAttribute("aria-label")]) if (text) seen.add(text);
      }
    };
    new MutationObserver(record).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
const seenTexts = (context: BrowserContext) => context.pages()[0]!.evaluate(() => [...(window as unknown as { seenTexts: Set<string> }).seenTexts]);

describe("languages per route", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("a German first visit to sign-in shows German from the first paint", async () => {
    const de = await germanDevice(browser);
    await recordTexts(de);
    const page = await de.newPage();
    const errors = watchErrors(page);
    await page.goto("/sign-in");
    await page.getByRole("heading", { name: "Anmelden" }).waitFor();
    await expect.poll(() => page.getByLabel("E-Mail").count()).toBe(1);
    const texts = await seenTexts(de);
    expect(texts).toContain("Anmelden");
    for (const english of ["Sign in", "Welcome back to your studio.", "Email"]) expect(texts, english).not.toContain(english);
    expect(texts.filter((t) => /^(signIn|fields)\.[a-zA-Z.]+$/.test(t))).toEqual([]);
    expect(errors).toEqual([]);
    await de.close();
  });

  it("in German, the API's refusal reads German too (a wrong password on sign-in)", async () => {
    const de = await germanDevice(browser);
    const page = await de.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-Mail").fill(`niemand-${crypto.randomUUID()}@example.com`);
    await page.getByLabel("Passwort", { exact: true }).fill("nicht-das-richtige-1");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.getByText("Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto.").waitFor();
    await de.close();
  });

  it("signed in, in German: the gallery and the top bar (notification bell) read German on the first visit", async () => {
    const de = await germanDevice(browser);
    await signUpInContext(de);
    // The account's language wins over the device's (SettingsSync); this account chose German.
    expect((await de.request.put("/api/auth/profile", { data: { language: "de" } })).status()).toBe(200);
    await recordTexts(de);
    const page = await de.newPage();
    const errors = watchErrors(page);
    await page.goto("/gallery");
    await page.getByRole("heading", { name: "Meine Bilder" }).waitFor();
    await page.getByRole("button", { name: /^Benachrichtigungen/ }).waitFor();
    const texts = await seenTexts(de);
    expect(texts).not.toContain("My images");
    expect(texts.filter((t) => t.startsWith("Notifications") || /^bell\./.test(t))).toEqual([]);
    expect(texts.filter((t) => /^pages\.[a-zA-Z.]+$/.test(t))).toEqual([]);
    expect(errors).toEqual([]);
    await de.close();
  });

  it("moving to a page whose catalogs are not loaded yet shows its text, not its keys", async () => {
    const context = await newContext(browser);
    await signUpInContext(context);
    await recordTexts(context);
    const page = await context.newPage();
    await page.goto("/dashboard");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My images" }).click();
    await page.getByRole("heading", { name: "My images" }).waitFor();
    const texts = await seenTexts(context);
    expect(texts.filter((t) => /^pages\.[a-zA-Z.]+$/.test(t))).toEqual([]);
    await context.close();
  });
});

/** A phone-sized context with a German browser (navigator.languages = de-DE), a visitor address of its own. */
const germanDevice = (browser: Browser) =>
  browser.newContext({ baseURL: baseURL(), viewport: { width: 390, height: 800 }, locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": visitorIp() } });
