import type { ShareLinkList } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { generateImage } from "./image-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * Sharing from the owner's side to a stranger's: the share dialog makes a link, and a fresh, signed-out browser
 * opens the public page (phone and desktop, light and dark, axe clean); a password link asks for it; revoking
 * closes the page at once.
 */
const PROMPT = "share e2e: a paper lantern floating over a quiet river";

async function createLinkInDialog(page: Page, opts: { password?: string; hidePrompt?: boolean }) {
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: /^Share this/ }).waitFor();
  if (opts.password) {
    await dialog.getByRole("switch", { name: "Require a password" }).click();
    await dialog.getByLabel("Password", { exact: true }).fill(opts.password);
  }
  if (opts.hidePrompt) await dialog.getByRole("switch", { name: "Show prompt and settings" }).click();
  await dialog.getByRole("button", { name: "Create link" }).click();
  await dialog.getByRole("heading", { name: "Your link is ready" }).waitFor();
  const url = await dialog.getByLabel("Link", { exact: true }).inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  expect(await dialog.getByRole("link", { name: /^X/ }).getAttribute("href")).toContain(encodeURIComponent(url));
  expect(await dialog.getByLabel("Embed code (iframe)").inputValue()).toContain(`<iframe src="${url}"`);
  return { url, dialog };
}

describe("share links: dialog → public page", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  let imageId: string;
  let projectId: string;

  beforeAll(async () => {
    browser = await launch();
    owner = await newContext(browser);
    await signUpInContext(owner, "Share Owner");
    imageId = await generateImage(owner.request, PROMPT);
    const p = await owner.request.post("/api/projects", { data: { name: "River lights" } });
    projectId = ((await p.json()) as { id: string }).id;
    expect((await owner.request.post(`/api/projects/${projectId}/images/add`, { data: { imageIds: [imageId] } })).status()).toBe(200);
    page = await owner.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => browser?.close());

  let imageLink = "";

  it("shares an image from its page, and a stranger sees it on phone and desktop, light and dark", async () => {
    const errors = watchErrors(page);
    await page.goto(`/images/${imageId}`);
    const { url, dialog } = await createLinkInDialog(page, { hidePrompt: true });
    imageLink = url;
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Done" }).click();

    // The server-rendered head unfurls in chat apps, with a token-scoped picture, and is noindex.
    const html = await (await owner.request.get(new URL(url).pathname)).text();
    expect(html).toMatch(/<meta property="og:image" content="[^"]*\/api\/share\/[^"]+\/preview-768"/);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"');

    for (const colorScheme of ["light", "dark"] as const) {
      for (const [width, height, hasTouch] of [
        [1280, 800, false],
        [390, 844, true],
      ] as const) {
        const stranger = await newContext(browser, { width, height, colorScheme, hasTouch });
        const view = await stranger.newPage();
        const viewErrors = watchErrors(view);
        await view.goto(new URL(url).pathname);
        await view.getByRole("heading", { level: 1 }).waitFor();
        await view.getByRole("button", { name: "View full screen" }).waitFor();
        expect(await view.getByRole("link", { name: "Download original" }).isVisible()).toBe(true);
        // The owner hid the prompt: the page never shows it.
        expect(await view.content()).not.toContain("paper lantern");
        expect(await view.getByText("Shared with you · read only").isVisible()).toBe(true);
        expect(await axeViolations(view), `${width}px ${colorScheme}`).toEqual([]);
        await view.screenshot({ path: `/tmp/share-image-${width}-${colorScheme}.png` });
        expect(viewErrors).toEqual([]);
        await stranger.close();
      }
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it("a password link asks for the password, then shows the project's gallery and lightbox", async () => {
    await page.goto(`/projects/${projectId}`);
    const { url, dialog } = await createLinkInDialog(page, { password: "river lights" });
    await dialog.getByRole("button", { name: "Done" }).click();

    const stranger = await newContext(browser, { width: 390, height: 844, hasTouch: true, colorScheme: "dark" });
    const view = await stranger.newPage();
    view.setDefaultTimeout(15_000);
    await view.goto(new URL(url).pathname);
    await view.getByRole("heading", { name: "This share is protected" }).waitFor();
    expect(await axeViolations(view)).toEqual([]);
    await view.getByLabel("Password", { exact: true }).fill("not the one");
    await view.getByRole("button", { name: "Unlock" }).click();
    await view.getByText("That password is not right. Try again.").waitFor();
    await view.getByLabel("Password", { exact: true }).fill("river lights");
    await view.getByRole("button", { name: "Unlock" }).click();
    await view.getByRole("heading", { name: "River lights", level: 1 }).waitFor();
    const tile = view.getByRole("list", { name: "Shared images" }).getByRole("button").first();
    await tile.click();
    await view.getByRole("button", { name: "Close viewer" }).waitFor();
    expect(await view.content()).toContain(PROMPT); // the prompt is shown on this link
    await view.screenshot({ path: "/tmp/share-project-lightbox-390-dark.png" });
    await view.getByRole("button", { name: "Close viewer" }).click();
    expect(await axeViolations(view)).toEqual([]);
    await view.screenshot({ path: "/tmp/share-project-390-dark.png" });
    await stranger.close();
  }, 120_000);

  it("lists the links under Shared links; revoking one closes its page at once", async () => {
    await page.goto("/shared");
    await page.getByRole("heading", { name: "Shared links", level: 1 }).waitFor();
    const list = page.getByRole("list", { name: "Your shared links" });
    await list.waitFor();
    expect(await list.getByRole("listitem").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/share-shared-links-1280.png" });
    const links = ((await (await owner.request.get("/api/share")).json()) as ShareLinkList).items;
    const imageRow = links.find((l) => l.kind === "image")!;
    expect(imageRow.viewCount).toBe(4); // the four strangers above

    await page.getByRole("group", { name: `Actions for the link to ${imageRow.targetName}` }).getByRole("button", { name: "Revoke link" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
    await list.getByText("Revoked", { exact: true }).waitFor();

    const stranger = await newContext(browser);
    const view = await stranger.newPage();
    await view.goto(new URL(imageLink).pathname);
    await view.getByRole("heading", { name: "This link was turned off" }).waitFor();
    expect(await axeViolations(view)).toEqual([]);
    await stranger.close();
  }, 120_000);
});
