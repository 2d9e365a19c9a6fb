import type { Lineage } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAsAdmin, signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * The public gallery and the image editor, as people use them: the owner picks a handle in Settings → Privacy and
 * publishes an image from its page; a signed-out visitor sees it on the profile and the community page (phone and
 * desktop, light and dark, axe clean); an administrator unpublishes it and it is gone for the visitor at once.
 * Then the owner crops and rotates an image, and the result is a new version in the lineage.
 */
const PROMPT = "community e2e: an orange kite over green dunes";
const SHOTS = "/tmp/community-shots";

async function clean(page: Page, where: string) {
  let found = await axeViolations(page);
  for (let i = 0; i < 3 && found.length; i++) found = await axeViolations(page);
  expect(found, where).toEqual([]);
}

describe("public gallery: publish → public profile → admin unpublish; image editing", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  let imageId: string;
  const handle = `kite-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    browser = await launch();
    owner = await newContext(browser);
    await signUpInContext(owner, "Kite Maker");
    imageId = await generateImage(owner.request, PROMPT, { width: 384, height: 256 });
    page = await owner.newPage();
    page.setDefaultTimeout(20_000);
  }, 120_000);
  afterAll(() => browser?.close());

  it("the owner chooses a handle in Settings → Privacy and publishes from the image page", async () => {
    const errors = watchErrors(page);
    await page.goto("/settings?tab=privacy");
    await page.getByLabel("Handle", { exact: true }).fill("admin");
    await page.getByRole("button", { name: "Save handle" }).click();
    await page.getByRole("alert").filter({ hasText: "reserved" }).waitFor();
    await page.getByLabel("Handle", { exact: true }).fill(handle);
    await page.getByRole("button", { name: "Save handle" }).click();
    await page.getByRole("link", { name: "View your public profile" }).waitFor();
    await page.getByRole("switch", { name: "Show prompts on published images" }).click();
    await expect.poll(async () => ((await (await owner.request.get("/api/account/public-profile")).json()) as { showPrompt: boolean }).showPrompt).toBe(true);
    await clean(page, "settings privacy");
    await page.goto(`/images/${imageId}`);
    const publish = page.getByRole("button", { name: "Publish", exact: true }).first();
    await publish.click();
    await page.getByRole("button", { name: "Published", exact: true }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it("a signed-out visitor sees it on the profile and the community page, phone and desktop, light and dark", async () => {
    const html = await (await owner.request.get(`/u/${handle}`)).text();
    expect(html).toContain(`<title>@${handle} · Image Studio</title>`);
    expect(html).toMatch(/<meta property="og:image" content="[^"]*\/api\/community\/files\/[^"]+\/preview-768"/);
    expect(html).toContain('<meta name="robots" content="index, follow"');
    for (const colorScheme of ["light", "dark"] as const) {
      for (const [width, height, hasTouch] of [
        [1280, 800, false],
        [390, 844, true],
      ] as const) {
        const visitor = await newContext(browser, { width, height, colorScheme, hasTouch });
        const view = await visitor.newPage();
        const errors = watchErrors(view);
        await view.goto(`/u/${handle}`);
        await view.getByRole("heading", { level: 1, name: `@${handle}` }).waitFor();
        const tile = view.getByRole("list", { name: `Images by @${handle}` }).getByRole("listitem");
        await expect.poll(() => tile.count()).toBe(1);
        await expect.poll(() => tile.first().getByText(PROMPT).count()).toBe(1);
        await view.waitForFunction(() => [...document.querySelectorAll("main img")].some((i) => (i as HTMLImageElement).naturalWidth > 0));
        await clean(view, `/u at ${width} ${colorScheme}`);
        await view.screenshot({ path: `${SHOTS}/profile-${width}-${colorScheme}.png`, fullPage: true });
        await view.goto("/community");
        await view.getByRole("heading", { level: 1, name: "Community" }).waitFor();
        await view.getByRole("link", { name: `@${handle}` }).first().waitFor();
        await clean(view, `/community at ${width} ${colorScheme}`);
        await view.screenshot({ path: `${SHOTS}/community-${width}-${colorScheme}.png` });
        expect(errors).toEqual([]);
        await visitor.close();
      }
    }
  }, 180_000);

  it("an administrator unpublishes it with a reason; the visitor's page and picture URL lose it at once", async () => {
    const admin = await newContext(browser, { width: 1280, height: 800 });
    await signInAsAdmin(admin);
    const ap = await admin.newPage();
    ap.setDefaultTimeout(20_000);
    await ap.goto("/admin?tab=community");
    await ap.getByRole("button", { name: `Unpublish the image by @${handle}` }).first().click();
    await ap.getByLabel("Reason (sent to the owner)").fill("Testing moderation");
    await ap.getByRole("dialog").getByRole("button", { name: "Unpublish" }).click();
    await ap.getByText("Unpublished; the owner was notified").waitFor();
    await admin.close();

    const visitor = await newContext(browser, { width: 390, height: 844, hasTouch: true });
    const view = await visitor.newPage();
    await view.goto(`/u/${handle}`);
    await view.getByText("No published images yet").waitFor();
    expect((await visitor.request.get(`/api/community/files/${imageId}/thumb-256`)).status()).toBe(404);
    await visitor.close();
    const note = (await (await owner.request.get("/api/notifications?kind=community.unpublished")).json()) as { items: { body: string }[] };
    expect(note.items[0]?.body).toContain("Testing moderation");
  }, 120_000);

  it("the owner crops to a square and rotates: a new version in the lineage", async () => {
    const errors = watchErrors(page);
    await page.goto(`/images/${imageId}`);
    await page.getByRole("button", { name: "Edit", exact: true }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Edit image" }).waitFor();
    await dialog.getByRole("button", { name: "Rotate right" }).click();
    await dialog.getByLabel("Crop shape").selectOption("1:1");
    // Keyboard: the brightness slider moves with the arrow keys.
    await dialog.getByRole("slider", { name: "Brightness" }).focus();
    await page.keyboard.press("ArrowRight");
    await dialog.getByText("Result: 256×256 px").waitFor();
    await clean(page, "edit dialog");
    await page.screenshot({ path: `${SHOTS}/edit-dialog-1280.png` });
    await dialog.getByRole("button", { name: "Save as new version" }).click();
    await page.getByText("Saved as a new version").waitFor();
    const lineage = (await (await owner.request.get(`/api/images/${imageId}/lineage`)).json()) as Lineage;
    const child = lineage.nodes.find((n) => n.parentImageId === imageId && n.operation === "edit");
    expect(child).toMatchObject({ width: 256, height: 256 });
    expect(errors).toEqual([]);
  }, 120_000);
});
