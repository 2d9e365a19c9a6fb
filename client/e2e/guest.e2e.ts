import type { ImageList, MeResponse } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, newEmail } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * A "Try demo" guest, as a new visitor meets it: the menu says "Guest" (never the placeholder address), no
 * dev-mail banner, and "Save your work — create an account" turns the demo into an account that keeps every image.
 */
describe("guest", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser, { width: 390, height: 844, hasTouch: true });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows Guest, no dev-mail banner, and saves the work into a new account", { timeout: 150_000 }, async () => {
    await page.goto("/try");
    await page.waitForURL((url) => url.pathname === "/studio", { timeout: 30_000 });
    const me = (await (await context.request.get("/api/auth/session")).json()) as MeResponse;
    expect(me.user.isGuest).toBe(true);

    // The guest's work: one image from the local engine.
    const gen = await context.request.post("/api/generate/text-to-image", {
      data: { prompt: "e2e guest: a paper boat", modelId: "local/sketch-fast", parameters: { width: 256, height: 256 } },
    });
    expect(gen.status(), await gen.text()).toBe(202);
    let imageId: string | undefined;
    await expect
      .poll(async () => (imageId = ((await (await context.request.get("/api/images?limit=5")).json()) as ImageList).items[0]?.id), { timeout: 60_000, interval: 250 })
      .toBeTruthy();

    await page.goto("/gallery");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await page.getByText("Email is local.").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Account menu" }).click();
    const menu = page.getByRole("menu");
    await menu.getByText("Guest", { exact: true }).waitFor();
    expect(await menu.innerText()).not.toMatch(/temp-|guest\.image-studio\.invalid/);

    await menu.getByRole("menuitem", { name: "Save your work — create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/settings");
    const section = page.getByRole("region", { name: /Save your work — create an account/ });
    await section.waitFor();
    const email = newEmail();
    await section.getByLabel("Name").fill("Former Guest");
    await section.getByLabel("Email").fill(email);
    await section.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
    await section.getByRole("button", { name: "Create my account" }).click();
    await page.getByText(`Check your inbox at`).waitFor();

    const mail = (await (await context.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json()) as { items: { text: string }[] };
    const token = /[?&]token=([^\s&]+)/.exec(mail.items[0]!.text)![1]!;
    expect((await context.request.post("/api/auth/verify-email", { data: { token: decodeURIComponent(token) } })).status()).toBe(200);
    const after = (await (await context.request.get("/api/auth/session")).json()) as MeResponse;
    expect(after.user).toMatchObject({ isGuest: false, email });
    const images = (await (await context.request.get("/api/images?limit=5")).json()) as ImageList;
    expect(images.items.map((i) => i.id)).toContain(imageId);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
