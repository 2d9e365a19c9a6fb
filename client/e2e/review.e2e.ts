import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * Client review: the owner shares a project with review on; a signed-out visitor on a phone in dark mode approves
 * one image and requests changes on another with a note (asked their name once); the owner sees both verdicts on
 * the image pages and the counts under Shared links.
 */
const APPROVE = "review e2e: a red kite over green hills";
const CHANGES = "review e2e: a blue boat in a grey harbour";

describe("client review on a shared project", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  const ids: Record<string, string> = {};
  let url = "";

  beforeAll(async () => {
    browser = await launch();
    owner = await newContext(browser);
    await signUpInContext(owner, "Review Owner");
    ids.approve = await generateImage(owner.request, APPROVE);
    ids.changes = await generateImage(owner.request, CHANGES);
    const p = await owner.request.post("/api/projects", { data: { name: "Kite campaign" } });
    ids.project = ((await p.json()) as { id: string }).id;
    expect((await owner.request.post(`/api/projects/${ids.project}/images/add`, { data: { imageIds: [ids.approve, ids.changes] } })).status()).toBe(200);
    page = await owner.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => browser?.close());

  it("the owner turns review on for a project link", async () => {
    const errors = watchErrors(page);
    await page.goto(`/projects/${ids.project}`);
    await page.getByRole("button", { name: "Share", exact: true }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("switch", { name: "Collect reviews" }).click();
    await dialog.getByRole("button", { name: "Create link" }).click();
    await dialog.getByRole("heading", { name: "Your link is ready" }).waitFor();
    url = await dialog.getByLabel("Link", { exact: true }).inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    expect(errors).toEqual([]);
  }, 60_000);

  it("a visitor approves one image and requests changes on another, at 390 px in dark mode", async () => {
    const visitor = await newContext(browser, { width: 390, height: 844, hasTouch: true, colorScheme: "dark" });
    const view = await visitor.newPage();
    view.setDefaultTimeout(15_000);
    const errors = watchErrors(view);
    await view.goto(new URL(url).pathname);
    await view.getByRole("heading", { name: "Kite campaign", level: 1 }).waitFor();
    await view.getByText("Review requested.").waitFor();
    expect(await axeViolations(view)).toEqual([]);

    // First verdict: the name is asked once.
    await view.getByRole("button", { name: /^Approve review e2e: a red kite/ }).click();
    const dialog = view.getByRole("dialog");
    await dialog.getByLabel("Your name").fill("Rosa Client");
    expect(await axeViolations(view)).toEqual([]);
    await view.screenshot({ path: "/tmp/review-dialog-390-dark.png" });
    await dialog.getByRole("button", { name: "Send verdict" }).click();
    await view.getByRole("button", { name: /^Approve review e2e: a red kite/, pressed: true }).waitFor();

    await view.getByRole("button", { name: /^Request changes on review e2e: a blue boat/ }).click();
    await dialog.getByText("Reviewing as").waitFor();
    expect(await dialog.getByText("Rosa Client").isVisible()).toBe(true);
    await dialog.getByLabel("Note (optional)").fill("Make the boat larger and the sky warmer.");
    await dialog.getByRole("button", { name: "Send verdict" }).click();
    await view.getByRole("button", { name: /^Request changes on review e2e: a blue boat/, pressed: true }).waitFor();
    await view.getByText("You reviewed 2 of 2.").waitFor();
    expect(await axeViolations(view)).toEqual([]);
    await view.screenshot({ path: "/tmp/review-gallery-390-dark.png" });
    expect(errors).toEqual([]);
    await visitor.close();
  }, 120_000);

  it("the owner sees both verdicts on the image pages and the counts under Shared links", async () => {
    const errors = watchErrors(page);
    await page.goto(`/images/${ids.changes}`);
    const panel = page.getByRole("region", { name: "Review" });
    await panel.waitFor();
    await panel.getByText("Rosa Client").waitFor();
    expect(await panel.getByText("Changes requested", { exact: true }).isVisible()).toBe(true);
    expect(await panel.getByText("Make the boat larger and the sky warmer.").isVisible()).toBe(true);
    expect(await panel.getByText(/via the project link “Kite campaign”/).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/review-image-page-1280.png", fullPage: true });

    await page.goto(`/images/${ids.approve}`);
    await page.getByRole("region", { name: "Review" }).getByText("Approved", { exact: true }).waitFor();

    await page.goto("/shared");
    await page.getByLabel("Review: 1 approved, 1 changes requested").waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
