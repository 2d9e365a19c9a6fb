import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import {
  resolveSiteUrl,
  robotsTxt,
  SITE_ORIGIN_PLACEHOLDER as BUILD_PLACEHOLDER,
  sitemapXml,
} from "../../client/landing/build/seo";
import { pagesCompressed } from "../src/lib/compressed-pages";
import { SITE_ORIGIN_PLACEHOLDER } from "../src/lib/static";
import { createTestApp, type TestApp } from "./harness";

describe("serving the built client", () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestApp();
    const dir = mkdtempSync(path.join(os.tmpdir(), "spa-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), "<h1>Landing</h1>");
    writeFileSync(path.join(dir, "app.html"), "<div id=root>App shell</div>");
    writeFileSync(path.join(dir, "assets", "main-abc123.js"), "console.log(1)");
    writeFileSync(path.join(dir, "sw.js"), "self.addEventListener('fetch', () => {})");
    app = createApp(t.deps, { staticDir: dir });
  });
  afterAll(() => t.close());

  it("serves the prerendered landing at / without caching it", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Landing");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("falls back to the app shell for client routes", async () => {
    for (const p of ["/dashboard", "/images/123", "/settings/account"]) {
      const res = await app.request(p);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("App shell");
      expect(res.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("caches hashed assets forever and never the service worker", async () => {
    const asset = await app.request("/assets/main-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const sw = await app.request("/sw.js");
    expect(sw.headers.get("cache-control")).toBe("no-cache");
  });

  it("never answers /api with HTML", async () => {
    const res = await app.request("/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const missing = await app.request("/assets/missing.js");
    expect(missing.status).toBe(404);
  });
});

describe("compressed once, not on every request", () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i % 37}`))};`;
  const landing = `<!doctype html><h1>Landing</h1>${"<p>Make images, iterate on them, keep them.</p>".repeat(60)}`;
  beforeAll(async () => {
    t = await createTestApp();
    const dir = mkdtempSync(path.join(os.tmpdir(), "spa-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), landing);
    writeFileSync(path.join(dir, "app.html"), `<div id=root>App shell</div>${"<!-- padding -->".repeat(100)}`);
    // What scripts/precompress.mjs leaves: the file and its two copies; a second script has none.
    writeFileSync(path.join(dir, "assets", "main-abc123.js"), script);
    writeFileSync(path.join(dir, "assets", "main-abc123.js.br"), brotliCompressSync(script));
    writeFileSync(path.join(dir, "assets", "main-abc123.js.gz"), gzipSync(script));
    writeFileSync(path.join(dir, "assets", "plain-abc123.js"), script);
    app = createApp(t.deps, { staticDir: dir });
  });
  afterAll(() => t.close());

  it("sends a built file's Brotli or gzip copy by Accept-Encoding, and the file itself to a client that takes neither", async () => {
    const br = await app.request("/assets/main-abc123.js", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toContain("Accept-Encoding");
    expect(br.headers.get("cache-control")).toContain("immutable");
    expect(br.headers.get("content-type")).toContain("javascript");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);
    const gz = await app.request("/assets/main-abc123.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const identity = await app.request("/assets/main-abc123.js");
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toBe(script);
  });

  it("a file without copies is compressed as it is sent, as before", async () => {
    const res = await app.request("/assets/plain-abc123.js", { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it("the landing and the app shell go out Brotli-compressed once the first request has had them compressed", async () => {
    const headers = { "accept-encoding": "gzip, deflate, br" };
    for (const [p, text] of [
      ["/", "Landing"],
      ["/gallery", "App shell"],
    ] as const) {
      const first = await app.request(p, { headers });
      expect(first.status).toBe(200);
      const firstBytes = Buffer.from(await first.arrayBuffer());
      const firstText = first.headers.get("content-encoding") === "gzip" ? gunzipSync(firstBytes).toString() : firstBytes.toString();
      expect(firstText).toContain(text);
      await pagesCompressed();
      const res = await app.request(p, { headers });
      expect(res.headers.get("content-encoding")).toBe("br");
      expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      const body = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get("content-length"))).toBe(body.byteLength);
      expect(brotliDecompressSync(body).toString()).toBe(firstText);
      const gz = await app.request(p, { headers: { "accept-encoding": "gzip" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(firstText);
      const identity = await app.request(p);
      expect(identity.headers.get("content-encoding")).toBeNull();
      expect(await identity.text()).toBe(firstText);
    }
  });
});

describe("the landing's public URLs", () => {
  it("name APP_URL, filled in when served (the build carries a placeholder, never localhost:3000)", async () => {
    expect(SITE_ORIGIN_PLACEHOLDER).toBe(BUILD_PLACEHOLDER);
    expect(resolveSiteUrl({ APP_URL: "http://localhost:3000" })).toBe(BUILD_PLACEHOLDER);
    const t = await createTestApp({ APP_URL: "https://studio.example/" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "spa-"));
    const site = resolveSiteUrl({});
    const share = `https://x.com/intent/post?url=${encodeURIComponent(site)}`;
    const landing = `<link rel="canonical" href="${site}/" /><meta property="og:image" content="${site}/og-image.jpg" /><a href="${share}">Share</a>`;
    writeFileSync(path.join(dir, "index.html"), landing);
    writeFileSync(path.join(dir, "robots.txt"), robotsTxt(site));
    writeFileSync(path.join(dir, "sitemap.xml"), sitemapXml(site, "2026-01-01"));
    const app = createApp(t.deps, { staticDir: dir });
    for (const p of ["/", "/index.html"]) {
      const html = await (await app.request(p)).text();
      expect(html).toContain('<link rel="canonical" href="https://studio.example/" />');
      expect(html).toContain('content="https://studio.example/og-image.jpg"');
      expect(html).toContain(`url=${encodeURIComponent("https://studio.example")}"`);
      expect(html).not.toContain("invalid");
    }
    const robots = await app.request("/robots.txt");
    expect(robots.headers.get("content-type")).toContain("text/plain");
    expect(await robots.text()).toContain("Sitemap: https://studio.example/sitemap.xml");
    const sitemap = await app.request("/sitemap.xml");
    expect(sitemap.headers.get("content-type")).toContain("xml");
    expect(await sitemap.text()).toContain("<loc>https://studio.example/</loc>");
    await t.close();
  });
});
