import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
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
