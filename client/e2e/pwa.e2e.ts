import type { ImageList } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/** The installed-app surface: manifest, service worker control, and a picture shared to the app → image-to-image. */

async function controlledPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
  return page;
}

describe("installable app", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("has a manifest with maskable icons, shortcuts and a share target for pictures", async () => {
    const context = await newContext(browser);
    const res = await context.request.get("/manifest.webmanifest");
    expect(res.status()).toBe(200);
    const manifest = (await res.json()) as {
      display: string;
      icons: { purpose: string }[];
      shortcuts: { url: string }[];
      share_target: { action: string; method: string; enctype: string; params: { files: { name: string; accept: string[] }[] } };
    };
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
    expect(manifest.shortcuts.map((s) => s.url.split("?")[0])).toContain("/studio");
    expect(manifest.share_target).toMatchObject({ action: "/share-target", method: "POST", enctype: "multipart/form-data" });
    expect(manifest.share_target.params.files[0]!.accept).toContain("image/png");
    await context.close();
  });

  it("takes a picture shared to the app into image-to-image and runs it", { timeout: 150_000 }, async () => {
    const context = await newContext(browser);
    await signUpInContext(context, "Share Target Tester");
    const page = await controlledPage(context, "/dashboard");
    const errors = watchErrors(page);

    // What the OS share sheet does: a multipart POST to the manifest's action, answered by the service worker.
    const landed = await page.evaluate(async () => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 96;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#8B5CF6";
      g.fillRect(0, 0, 96, 96);
      g.fillStyle = "#EC4899";
      g.fillRect(24, 24, 48, 48);
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), "image/png"));
      const form = new FormData();
      form.set("title", "a pink square on violet");
      form.append("image", new File([blob], "shared.png", { type: "image/png" }));
      const res = await fetch("/share-target", { method: "POST", body: form });
      return new URL(res.url).pathname + new URL(res.url).search;
    });
    expect(landed).toBe("/image-to-image?shared=1");

    await page.goto("/image-to-image?shared=1");
    await page.getByRole("img", { name: "The picture to start from" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole("textbox", { name: "Prompt", exact: true }).inputValue()).toBe("a pink square on violet");
    // Taken once: a reload does not bring the same picture back.
    expect(await page.evaluate(async () => Boolean(await (await caches.open("share-target")).match("/share-target/latest")))).toBe(false);

    await page.getByRole("textbox", { name: "Prompt", exact: true }).fill("a pink square on violet, watercolour");
    await page.getByRole("button", { name: "Generate from this picture" }).click();
    await page.getByText("Image-to-image queued").waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () => {
          const list = (await (await context.request.get("/api/images?limit=10")).json()) as ImageList;
          return list.items.find((i) => i.operation === "image-to-image")?.prompt;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe("a pink square on violet, watercolour");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses a file that is not a picture on the image-to-image page, keeping the prompt", async () => {
    const context = await newContext(browser);
    await signUpInContext(context, "Upload Tester");
    const page = await context.newPage();
    await page.goto("/image-to-image");
    await page.getByRole("textbox", { name: "Prompt", exact: true }).fill("keep me");
    await page.locator('input[type="file"]').setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await page.getByText("That isn't a picture we can use").waitFor();
    expect(await page.getByRole("textbox", { name: "Prompt", exact: true }).inputValue()).toBe("keep me");
    await expect(page.getByRole("button", { name: "Generate from this picture" }).isDisabled()).resolves.toBe(true);
    await context.close();
  });
});
