import type { Lineage } from "@image-studio/shared";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * Iterating on an image in a real browser: quick buttons, the mask editor, the family tree, the compare view,
 * style transfer and "run again" with one change.
 */

/** The image's lineage once it has `until` nodes (or satisfies `until`), polled while jobs finish. */
async function lineage(request: APIRequestContext, id: string, until: number | ((tree: Lineage) => boolean)): Promise<Lineage> {
  const done = typeof until === "number" ? (tree: Lineage) => tree.nodes.length >= until : until;
  for (let i = 0; i < 200; i++) {
    const tree = (await (await request.get(`/api/images/${id}/lineage`)).json()) as Lineage;
    if (done(tree)) return tree;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the tree never reached ${typeof until === "number" ? `${until} nodes` : "the expected shape"}`);
}

describe("iteration", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let imageId: string;
  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser);
    await signUpInContext(context, "Iteration Tester");
    imageId = await generateImage(context.request, "e2e: a lighthouse on a cliff");
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("queues a variation and an inpaint (painted mask) from the image page", { timeout: 150_000 }, async () => {
    await page.goto(`/images/${imageId}`);
    await page.getByRole("button", { name: "Variation", exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Variation", exact: true }).click();
    await page.getByText("Variation queued").waitFor();

    await page.getByRole("button", { name: "Inpaint" }).click();
    const canvas = page.getByTestId("mask-canvas");
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByRole("button", { name: "Undo" }).isEnabled()).resolves.toBe(true);
    await page.getByLabel("What should appear in the painted area?").fill("a red boat");
    await page.getByRole("dialog").getByRole("button", { name: "Inpaint" }).click();
    const outcome = page.getByText(/Inpaint queued|Inpaint failed|could not be sent/).first();
    await outcome.waitFor();
    expect(
      (await outcome.textContent()) + " " + (await page.locator("[data-sonner-toast]").allInnerTexts()).join(" | "),
    ).toMatch(/^Inpaint queued/);
    const tree = await lineage(context.request, imageId, 4);
    expect(tree.nodes.map((n) => n.operation).sort()).toEqual(["inpaint", "text-to-image", "variation", "variation"]);
  });

  it("shows the family tree and opens a node on click", async () => {
    await page.goto(`/lineage/${imageId}`);
    const items = page.getByRole("treeitem");
    await items.first().waitFor();
    expect(await items.count()).toBe(4);
    await page.getByRole("treeitem", { name: /^inpaint/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/images/") && !url.pathname.endsWith(imageId));
  });

  it("offers quick-iterate buttons in the gallery lightbox", { timeout: 120_000 }, async () => {
    await page.goto("/gallery");
    await page.locator('[data-testid="gallery-tile"]').first().click();
    await page.getByRole("button", { name: "Remove background" }).click();
    await page.getByText("Background removal queued").waitFor();
  });

  it("compares two images with the slider and side by side", { timeout: 120_000 }, async () => {
    const tree = await lineage(context.request, imageId, 4);
    const other = tree.nodes.find((n) => n.id !== imageId)!.id;
    await page.goto(`/compare?a=${imageId}&b=${other}`);
    await page.getByTestId("compare-slider").waitFor();
    await page.getByRole("tab", { name: "Side by side" }).click();
    await page.getByRole("img", { name: "Image B" }).waitFor();
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it("transfers a style from a gallery image and runs again with one change", { timeout: 150_000 }, async () => {
    await page.goto(`/images/${imageId}`);
    await page.getByRole("button", { name: "Style transfer" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("listbox", { name: "Style reference" }).getByRole("option").first().click();
    await dialog.getByRole("button", { name: "Transfer style" }).click();
    await page.getByText("Style transfer queued").waitFor();

    await page.getByRole("button", { name: "Run again…" }).click();
    await page.getByLabel("Steps").fill("6");
    await page.getByText("Changed: steps").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Run again" }).click();
    await page.getByText("Queued again").waitFor();
    // Both jobs land in the tree, in whichever order they finish.
    const tree = await lineage(context.request, imageId, (t) => t.nodes.some((n) => n.operation === "style-transfer"));
    expect(tree.nodes.length).toBeGreaterThanOrEqual(5);
  });

  it("opens Compare from the sidebar and compares the two latest images", { timeout: 120_000 }, async () => {
    await page.goto("/gallery");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
    await page.waitForURL((url) => url.pathname === "/compare");
    await page.getByRole("button", { name: "Compare my two latest" }).click();
    await page.getByTestId("compare-slider").waitFor();
    expect(new URL(page.url()).searchParams.get("a")).toBeTruthy();
    expect(new URL(page.url()).searchParams.get("b")).toBeTruthy();
  });
});
