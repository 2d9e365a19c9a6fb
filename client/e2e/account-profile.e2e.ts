import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * The profile's time zone menu lists 400-odd zones; its items mount on first use (profile-card.tsx), not with the
 * account tab, so the trigger names the current zone itself. Mouse, keyboard and typing on a never-opened menu.
 */
describe("account profile", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("names the current time zone before its list mounts, then picks a zone by mouse, keyboard and typing, and saves it", async () => {
    const ctx = await newContext(browser);
    await signUpInContext(ctx);
    expect((await ctx.request.put("/api/auth/profile", { data: { timezone: "America/New_York" } })).status()).toBe(200);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto("/settings");
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await expect.poll(() => zone.textContent()).toBe("America/New York");
    expect(await page.getByRole("option").count()).toBe(0);
    // Mouse: the list opens with every zone, the current one marked.
    await zone.click();
    const list = page.getByRole("listbox");
    await expect.poll(() => list.getByRole("option").count()).toBeGreaterThan(100);
    expect(await list.getByRole("option", { name: "America/New York" }).getAttribute("aria-selected")).toBe("true");
    await list.getByRole("option", { name: "UTC", exact: true }).click();
    await expect.poll(() => zone.textContent()).toBe("UTC");
    // Keyboard: open, it focuses the current zone.
    await zone.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => list.getByRole("option", { name: "UTC", exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    // A fresh page, the menu never opened: typing on the focused menu picks the zone whose name starts so.
    await page.reload();
    await expect.poll(() => zone.textContent()).toBe("America/New York");
    await zone.focus();
    await page.keyboard.type("Europe/Berl");
    await expect.poll(() => zone.textContent()).toBe("Europe/Berlin");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(async () => ((await (await ctx.request.get("/api/auth/me")).json()) as { user: { timezone: string } }).user.timezone).toBe("Europe/Berlin");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
