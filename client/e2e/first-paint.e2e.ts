import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, newContext } from "./browser";

/**
 * The app shell's theme is applied by the inline script in app.html, before the stylesheet or any module runs —
 * under the server's real CSP (the script is allowed by its hash). With the app's code held back, what the page
 * shows is what the inline script did alone: a wrong hash, or a broken script, leaves a dark-mode visitor on a
 * light page until React starts (a flash of the wrong theme).
 */
describe("app shell: theme before the app's code runs", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  for (const [scheme, saved, dark] of [
    ["dark", null, true],
    ["light", null, false],
    ["light", "dark", true],
    ["dark", "light", false],
  ] as const) {
    it(`OS ${scheme}, saved ${saved ?? "nothing"}: ${dark ? "dark" : "light"} with no module loaded and no CSP report`, async () => {
      const context = await newContext(browser, { colorScheme: scheme });
      if (saved) await context.addInitScript((theme) => localStorage.setItem("theme", theme), saved);
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (msg) => /Content Security Policy/i.test(msg.text()) && refused.push(msg.text()));
      // Only the document and the stylesheet: no module script, so nothing but app.html's inline script can act.
      await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
      const res = await page.goto("/sign-in", { waitUntil: "load" });
      expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
      expect(await page.evaluate(() => document.getElementById("root")?.childElementCount)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(dark);
      expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe(dark ? "dark" : "light");
      expect(refused).toEqual([]);
      await context.close();
    });
  }
});
