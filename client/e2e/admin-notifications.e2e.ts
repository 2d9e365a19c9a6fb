import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAsAdmin, signUpInContext } from "./auth-helpers";
import { animationsSettled, axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * The bell follows the user live (a generation finishes → a notification without a reload), the notifications
 * page marks everything read, the models pages compare and measure, and the admin console is an admin's only:
 * on a phone and a laptop, dark, axe clean.
 */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 200 });

async function clean(page: Page, where: string, { modal = false } = {}) {
  // Behind a modal dialog the page's heading is hidden from assistive technology: wait for the dialog instead.
  await (modal ? page.getByRole("dialog") : page.getByRole("heading", { level: 1 }).first()).waitFor();
  await animationsSettled(page);
  let found = await axeViolations(page);
  for (let i = 0; i < 3 && found.length; i++) {
    await animationsSettled(page);
    found = await axeViolations(page);
  }
  expect(found, where).toEqual([]);
}

describe("notifications, models and the admin console", () => {
  let browser: Browser;
  let admin: BrowserContext;
  beforeAll(async () => {
    browser = await launch();
    admin = await newContext(browser, { width: 1280, height: 800, colorScheme: "dark" });
    // The admin is the install's first account (global-setup.ts), so the users below are plain users.
    await signInAsAdmin(admin);
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await browser?.close();
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${width}px: the bell gets a finished generation live, the page marks all read, the models pages work, /admin is a 404`, async () => {
      const ctx = await newContext(browser, { width, height, colorScheme: "dark", hasTouch: width < 768 });
      const { email } = await signUpInContext(ctx, "Bell Watcher");
      const me = (await (await ctx.request.get("/api/auth/me")).json()) as { user: { id: string; role: string } };
      if (me.user.role === "admin") {
        // Another file's run left the first-admin claim open until now: make this account a plain user again.
        const demote = await admin.request.patch(`/api/admin/users/${me.user.id}`, { data: { role: "user" } });
        expect(demote.status(), await demote.text()).toBe(200);
      }
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto("/dashboard");
      const bell = page.getByRole("button", { name: /^Notifications/ });
      await bell.waitFor();
      await page.evaluate(() => Object.assign(window, { bellLiveMark: true }));
      expect(await bell.getAttribute("aria-label")).toBe("Notifications");

      // A generation from another device of the same user: the bell here learns of it over the event stream.
      const elsewhere = await newContext(browser);
      await elsewhere.addCookies(await ctx.cookies());
      const prompt = `bell: a violet comet over a quiet harbour ${width}`;
      const res = await elsewhere.request.post("/api/generate/text-to-image", { data: { prompt, modelId: "local/sketch-fast", parameters: { width: 256, height: 256 } } });
      expect(res.status(), await res.text()).toBe(202);
      await poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
      expect(await page.evaluate(() => (window as unknown as { bellLiveMark?: boolean }).bellLiveMark)).toBe(true);

      await bell.click();
      const popover = page.getByRole("dialog", { name: "Latest notifications" });
      await popover.getByRole("link", { name: "Your image is ready" }).waitFor();
      await clean(page, "bell popover");
      await popover.getByRole("link", { name: "See all notifications" }).click();
      await page.waitForURL(/\/notifications/);
      await page.getByRole("list", { name: "Notifications" }).getByText("Your image is ready").waitFor();
      await clean(page, "/notifications");
      await page.getByRole("button", { name: "Mark all read" }).click();
      await poll(() => bell.getAttribute("aria-label")).toBe("Notifications");
      const unread = await (await ctx.request.get("/api/notifications/unread-count")).json();
      expect(unread).toEqual({ count: 0 });

      // Models: the matrix, then a model's own page with its measured figures from this install.
      await page.goto("/models");
      const table = page.getByRole("table", { name: "Model comparison" });
      await table.waitFor();
      await clean(page, "/models");
      await table.getByRole("link", { name: "Local sketch (fast)" }).click();
      await page.getByRole("heading", { name: "Local sketch (fast)", level: 1 }).waitFor();
      await page.getByText("Median time (p50)").waitFor({ timeout: 15_000 });
      await clean(page, "/models/local/sketch-fast");

      // Not an admin: the console is the app's 404 page.
      await page.goto("/admin");
      await page.getByRole("heading", { name: "Page not found" }).waitFor();
      expect((await ctx.request.get("/api/admin/usage-overview")).status()).toBe(403);
      expect(errors.filter((e) => !/403|Forbidden/.test(e))).toEqual([]);
      await elsewhere.close();
      await ctx.close();

      // The admin finds that user, grants credits with a reason, and the audit log shows it.
      const ap = await admin.newPage();
      await ap.setViewportSize({ width, height });
      await ap.goto("/admin");
      await ap.getByRole("heading", { name: "Admin console" }).waitFor();
      await ap.getByText("Credits outstanding").waitFor();
      await clean(ap, "/admin overview");
      await ap.getByRole("tab", { name: "Users" }).click();
      await ap.getByLabel("Search users by name or e-mail").fill(email);
      await ap.getByRole("button", { name: "Search" }).click();
      await ap.getByRole("button", { name: `Manage ${email}` }).click();
      const dialog = ap.getByRole("dialog");
      await dialog.getByText("Credits spent").waitFor();
      await clean(ap, "/admin user dialog", { modal: true });
      await dialog.getByLabel("Amount").fill("50");
      await dialog.getByLabel("Reason").first().fill("e2e thank-you");
      await dialog.getByRole("button", { name: "Grant" }).click();
      await ap.getByText(/Balance is now/).waitFor();
      await ap.keyboard.press("Escape");
      await ap.getByRole("tab", { name: "Audit log" }).click();
      const log = ap.getByRole("list", { name: "Audit log" });
      await log.getByText("credits.grant").first().waitFor();
      await log.getByText(/e2e thank-you/).first().waitFor();
      await clean(ap, "/admin audit log");
      await ap.getByRole("tab", { name: "Job queue" }).click();
      await ap.getByRole("table", { name: "Jobs of every user" }).getByText(prompt).waitFor();
      await clean(ap, "/admin jobs");
      await ap.close();
    }, 240_000);
  }
});
