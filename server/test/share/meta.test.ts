import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createApp } from "../../src/app";
import { images } from "../../src/db/schema";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, ok } from "../images/fixtures";
import { image, share } from "./helpers";

const SHELL = `<!doctype html><html><head><title>Image Studio</title><meta name="description" content="Make AI images" /></head><body><div id=root>App shell</div></body></html>`;

describe("the public page's server-rendered head (/s/:token)", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let app: ReturnType<typeof createApp>;
  const page = async (token: string) => {
    const res = await app.request(`/s/${token}`);
    expect(res.status).toBe(200);
    return { res, html: await res.text() };
  };
  const meta = (html: string, prop: string) => new RegExp(`<meta (?:property|name)="${prop}" content="([^"]*)"`).exec(html)?.[1];

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t);
    const dir = mkdtempSync(path.join(os.tmpdir(), "spa-share-"));
    writeFileSync(path.join(dir, "index.html"), "<h1>Landing</h1>");
    writeFileSync(path.join(dir, "app.html"), SHELL);
    app = createApp(t.deps, { staticDir: dir });
  });
  afterAll(() => t.close());

  it("an open image link unfurls: title, description, Open Graph and Twitter card with a token-scoped picture, noindex", async () => {
    const img = await image(t, owner, { prompt: "a lantern <glowing> in the snow", altText: "Lantern in snow", width: 1024, height: 512 });
    const link = await share(t, owner, "image", img.id);
    const { res, html } = await page(link.token);
    expect(html).toContain("App shell");
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain("<title>Lantern in snow · Image Studio</title>");
    expect(meta(html, "og:title")).toBe("Lantern in snow · Image Studio");
    expect(meta(html, "description")).toBe("a lantern &lt;glowing&gt; in the snow");
    expect(meta(html, "og:image")).toBe(`http://localhost:3000/api/share/${link.token}/files/${img.id}/preview-768`);
    expect(meta(html, "twitter:card")).toBe("summary_large_image");
    expect(meta(html, "og:url")).toBe(`http://localhost:3000/s/${link.token}`);
    expect(meta(html, "robots")).toBe("noindex, nofollow");
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
    // The picture named in the card really opens for an anonymous crawler.
    expect((await app.request(new URL(meta(html, "og:image")!).pathname)).status).toBe(200);
  });

  it("the owner's public image may be indexed", async () => {
    const img = await image(t, owner);
    await t.deps.database.db.update(images).set({ isPublic: true }).where(eq(images.id, img.id));
    const link = await share(t, owner, "image", img.id);
    const { res, html } = await page(link.token);
    expect(meta(html, "robots")).toBe("index, follow");
    expect(res.headers.get("x-robots-tag")).toBeNull();
  });

  it("a password-protected, revoked or unknown link says nothing of its content", async () => {
    const img = await image(t, owner, { prompt: "the secret garden", altText: "secret garden" });
    const locked = await share(t, owner, "image", img.id, { password: "let me in" });
    const { html } = await page(locked.token);
    expect(html).not.toContain("secret");
    expect(html).not.toContain(img.id);
    expect(html).toContain("Password-protected share");
    expect(meta(html, "og:image")).toBeUndefined();
    expect(meta(html, "robots")).toBe("noindex, nofollow");

    const open = await share(t, owner, "image", img.id);
    await ok(caller(t, owner)(`/api/share/${open.token}`, { method: "DELETE" }));
    const gone = await page(open.token);
    expect(gone.html).not.toContain("secret");
    expect(gone.html).toContain("Shared link unavailable");
    expect((await page("n".repeat(43))).html).toContain("Shared link not found");
    expect((await page("short")).html).toContain("Shared link not found");
  });

  it("a project link names the project and counts its pictures", async () => {
    const call = caller(t, owner);
    const p = await ok<{ id: string }>(call("/api/projects", { body: { name: "Coastline", description: "Cliffs and coves" } }), 201);
    await image(t, owner, { projectId: p.id });
    await image(t, owner, { projectId: p.id });
    const link = await share(t, owner, "project", p.id);
    const { html } = await page(link.token);
    expect(html).toContain("<title>Coastline · Image Studio</title>");
    expect(meta(html, "og:description")).toBe("2 images · Cliffs and coves");
  });
});
