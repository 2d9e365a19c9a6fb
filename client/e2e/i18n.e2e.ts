import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext } from "./browser";

/**
 * Catalogs load per route (client/src/i18n/routes.ts): only English `common` and `shell` are in the app entry. A
 * move to a page whose catalogs are not loaded yet must show the page's text from its first paint, never raw keys.
 * Every text the page ever shows is recorded by a MutationObserver from before the app's first script runs.
 * (German and Spanish are not offered yet — UI_LANGUAGE_IDS — so a first visit in them is not tested here.)
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
