import type { CreditLimits, Job, UsageStats } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { animationsSettled, axeViolations, baseURL, launch, newContext, visitorIp, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * The dashboard and the usage pages with a real account: real figures on phone and desktop in both themes (axe
 * clean), the limits form and the redeem form against the server, the ledger with its filters, the quick generate
 * box landing in the queue, the welcome checklist dismissed for good, and the dashboard opening offline with the
 * last known numbers and their age.
 */

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

async function settle(page: Page) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 });
  await animationsSettled(page);
}

async function axeClean(page: Page): Promise<string[]> {
  let found = await axeViolations(page);
  for (let i = 0; i < 3 && found.length; i++) {
    await animationsSettled(page);
    found = await axeViolations(page);
  }
  return found;
}

describe("dashboard and usage", () => {
  let browser: Browser;
  let state: StorageState;

  beforeAll(async () => {
    browser = await launch();
    const setup = await newContext(browser);
    await signUpInContext(setup, "Dana Usage");
    await generateImage(setup.request, "usage: a violet kite over the dunes", { width: 256, height: 256, numImages: 1 });
    const project = await setup.request.post("/api/projects", { data: { name: "Kites" } });
    expect(project.status()).toBe(201);
    state = await setup.storageState();
    await setup.close();
  }, 120_000);
  afterAll(() => browser?.close());

  const open = async (opts: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {}) => {
    const width = opts.width ?? 1280;
    const ctx = await browser.newContext({
      baseURL: baseURL(),
      storageState: state,
      viewport: { width, height: opts.height ?? 800 },
      colorScheme: opts.colorScheme ?? "light",
      hasTouch: width < 768,
      extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
    });
    ctx.setDefaultTimeout(15_000);
    return ctx;
  };

  for (const colorScheme of ["light", "dark"] as const) {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      it(`shows real figures, axe clean, at ${width}px in ${colorScheme} mode`, async () => {
        const ctx = await open({ width, height, colorScheme });
        const page = await ctx.newPage();
        const errors = watchErrors(page);
        const stats = (await (await ctx.request.get("/api/usage/stats")).json()) as UsageStats;
        expect(stats.images).toBe(1);

        await page.goto("/dashboard");
        await settle(page);
        const overview = page.getByRole("navigation", { name: "Overview" });
        await poll(() => overview.getByRole("link", { name: /^Images/ }).innerText()).toMatch(/Images\s+1\s/);
        await overview.getByRole("link", { name: /Credits this month/ }).getByText(`${stats.balance.toLocaleString("en-US")} left`).waitFor();
        expect(await page.getByRole("region", { name: "Recent generations" }).getByRole("list").getByRole("link").count()).toBe(1);
        await page.getByRole("region", { name: "Usage, last 30 days" }).getByRole("img", { name: /Credits and images, last 30 days: \d+ credits and 1 images/ }).waitFor();
        await page.getByRole("region", { name: "Activity" }).getByText(/Generated 1 image with/).waitFor();
        await page.getByRole("region", { name: "Model status" }).getByText(/\d+ available/).waitFor();
        await page.getByRole("region", { name: "Latest projects" }).getByRole("link", { name: /Kites/ }).waitFor();
        expect(await axeClean(page)).toEqual([]);
        if (process.env.E2E_SHOTS) await page.screenshot({ path: `/tmp/usage-shots/dashboard-${width}-${colorScheme}.png`, fullPage: true });

        await page.goto("/usage");
        await settle(page);
        expect(await page.title()).toBe("Usage & credits · Image Studio");
        await page.getByRole("region", { name: "By model" }).getByRole("cell", { name: /Local sketch/ }).first().waitFor();
        await page.getByRole("region", { name: "Over time" }).getByRole("img", { name: /^Credits and images, last 30 days/ }).waitFor();
        await page.getByRole("region", { name: "Cost comparison" }).getByText("You use it").first().waitFor();
        expect(await axeClean(page)).toEqual([]);
        if (process.env.E2E_SHOTS) await page.screenshot({ path: `/tmp/usage-shots/usage-${width}-${colorScheme}.png`, fullPage: true });

        await page.goto("/usage/history");
        await settle(page);
        expect(await page.title()).toBe("Credit history · Image Studio");
        await page.getByRole("table", { name: "Credit history" }).getByText("Welcome credits").waitFor();
        expect(await axeClean(page)).toEqual([]);
        if (process.env.E2E_SHOTS) await page.screenshot({ path: `/tmp/usage-shots/history-${width}-${colorScheme}.png`, fullPage: true });
        expect(errors).toEqual([]);
        await ctx.close();
      }, 120_000);
    }
  }

  it("saves limits, redeems (and refuses a wrong code), filters and exports the history", async () => {
    const ctx = await open();
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto("/usage");
    await settle(page);
    await page.getByLabel("Monthly spending limit (credits)").fill("0");
    await page.getByRole("button", { name: "Save limits" }).click();
    await page.getByText(/Use a whole number of credits, at least 1/).first().waitFor();
    await page.getByLabel("Monthly spending limit (credits)").fill("400");
    await page.getByLabel("Low-balance alert below (credits)").fill("50");
    await page.getByRole("button", { name: "Save limits" }).click();
    await page.getByText("Limits saved").waitFor();
    expect((await (await ctx.request.get("/api/credits/limits")).json()) as CreditLimits).toMatchObject({ monthlyLimit: 400, lowBalanceAlert: 50 });
    await page.reload();
    await poll(() => page.getByLabel("Monthly spending limit (credits)").inputValue()).toBe("400");

    await page.getByLabel("Code", { exact: true }).fill("NOPE-NOPE-NOPE");
    await page.getByRole("button", { name: "Redeem" }).click();
    await page.getByRole("alert").getByText(/no such code/i).waitFor();

    await page.getByRole("link", { name: "Credit history" }).click();
    await page.waitForURL("**/usage/history");
    await page.getByRole("table", { name: "Credit history" }).getByText("View image").waitFor();
    await page.getByLabel("Kind").selectOption("refund");
    await page.getByRole("heading", { name: "No entries" }).waitFor();
    expect(page.url()).toContain("kind=refund");
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/credits/history.csv?kind=refund");
    const csv = await ctx.request.get("/api/credits/history.csv");
    expect((await csv.text()).split("\r\n")[0]).toContain("id,createdAt,kind,amount,balanceAfter");
    // Undo the limit for the other tests of this account.
    await ctx.request.put("/api/credits/limits", { data: { monthlyLimit: null, lowBalanceAlert: null } });
    // The wrong code's 404 is the answer the form shows, not a fault.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await ctx.close();
  }, 90_000);

  it("queues from the quick generate box and remembers a dismissed checklist", async () => {
    const ctx = await open();
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto("/dashboard");
    await settle(page);
    await page.getByRole("heading", { name: "Welcome to Image Studio" }).waitFor();
    await page.getByText("2 of 4 done").waitFor();
    await page.getByLabel("Prompt", { exact: true }).fill("quick: a paper boat on a pond");
    await page.getByLabel("Model", { exact: true }).selectOption("local/sketch-fast");
    await page.getByRole("button", { name: "Generate" }).click();
    await page.getByText("Generation queued").waitFor();
    await poll(async () => ((await (await ctx.request.get("/api/generate/history?limit=20")).json()) as { items: Job[] }).items.concat(((await (await ctx.request.get("/api/generate/queue?limit=20")).json()) as { items: Job[] }).items).some((j) => j.prompt === "quick: a paper boat on a pond")).toBe(true);

    await page.getByRole("button", { name: "Dismiss the welcome checklist" }).click();
    await page.getByRole("heading", { name: "Welcome to Image Studio" }).waitFor({ state: "detached" });
    await page.reload();
    await settle(page);
    await page.getByRole("navigation", { name: "Overview" }).waitFor();
    expect(await page.getByRole("heading", { name: "Welcome to Image Studio" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 90_000);

  it("opens offline with the last known numbers and says how old they are", async () => {
    const ctx = await open();
    const page = await ctx.newPage();
    await page.goto("/dashboard");
    await settle(page);
    await page.getByText(/^Updated/).waitFor();
    const images = await page.getByRole("navigation", { name: "Overview" }).getByRole("link", { name: /^Images/ }).innerText();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await ctx.setOffline(true);
    await page.reload();
    await page.getByText(/Offline — showing your figures from/).waitFor();
    expect(await page.getByRole("navigation", { name: "Overview" }).getByRole("link", { name: /^Images/ }).innerText()).toBe(images);
    await ctx.setOffline(false);
    await ctx.close();
  }, 90_000);
});
