import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { S3Storage } from "../../src/storage";
import { variantKey } from "../../src/storage/keys";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { movableClock, share } from "../share/helpers";
import { caller, makePng, storeImage } from "./fixtures";

// The S3 contract tier: CI's S3 server when S3_TEST_ENDPOINT is set, else an s3rver of this file's own.
const env = process.env;
const external = env.S3_TEST_ENDPOINT || undefined;
const TTL = 120;

describe("file routes with S3 signed URLs: a 302 after the route's checks, to a URL that expires", () => {
  let server: S3rver | undefined;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "signed-urls-"));
  let base: TestApp;
  let t: TestApp;
  let owner: SignedUpUser;
  let stranger: SignedUpUser;
  let img: Awaited<ReturnType<typeof storeImage>>;
  let endpoint: string;
  const clock = movableClock();

  beforeAll(async () => {
    if (!external) {
      server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: tmp });
      endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    } else endpoint = external;
    base = await createTestApp();
    const storage = new S3Storage({
      endpoint,
      region: env.S3_TEST_REGION || "us-east-1",
      bucket: `${env.S3_TEST_BUCKET || "signed-urls"}-${randomUUID().slice(0, 8)}`,
      accessKeyId: (external && env.S3_TEST_ACCESS_KEY) || "S3RVER",
      secretAccessKey: (external && env.S3_TEST_SECRET_KEY) || "S3RVER",
      forcePathStyle: true,
      signedUrls: { ttlSeconds: TTL },
    });
    const deps = { ...base.deps, storage, clock };
    const app = createApp(deps);
    t = { ...base, deps, app, request: (p, init) => Promise.resolve(app.request(p, init)) };
    [owner, stranger] = await Promise.all([signUp(t), signUp(t)]);
    img = await storeImage(t, owner.user.id, await makePng({ width: 300, height: 200, hue: 120 }));
  }, 180_000);
  afterAll(async () => {
    await base?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const location = (res: Response) => {
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const url = res.headers.get("location")!;
    expect(url.startsWith(`${endpoint}/`)).toBe(true);
    return url;
  };

  it("redirects the owner's variant to the bucket, which answers the exact bytes as immutable WebP", async () => {
    clock.set(new Date());
    const url = location(await caller(t, owner)(`/api/images/${img.id}/file/thumb-256`));
    expect(url).toContain(encodeURI(variantKey(owner.user.id, img.id, "thumb-256.webp")));
    // The service worker and offline saving read it in cors mode: a bucket made by the app allows that.
    const res = await fetch(url, { headers: { Origin: "http://localhost:3000" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toMatch(/^(\*|http:\/\/localhost:3000)$/);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    const stored = await t.deps.storage.get(variantKey(owner.user.id, img.id, "thumb-256.webp"));
    const want = Buffer.concat(await stored!.body.toArray());
    expect(Buffer.from(await res.arrayBuffer()).equals(want)).toBe(true);
  });

  it("hands out one URL per object within a signing window, so browsers cache it", async () => {
    clock.set(new Date(Math.floor(Date.now() / 60_000) * 60_000));
    const a = location(await caller(t, owner)(`/api/images/${img.id}/file/preview-768`));
    clock.advance(10_000);
    const b = location(await caller(t, owner)(`/api/images/${img.id}/file/preview-768`));
    expect(b).toBe(a);
    clock.advance(TTL * 1000);
    expect(location(await caller(t, owner)(`/api/images/${img.id}/file/preview-768`))).not.toBe(a);
    clock.set(new Date());
  });

  it("downloads the original as an attachment named after the image, with ranges served by the bucket", async () => {
    const url = location(await caller(t, owner)(`/api/images/download/${img.id}`));
    const res = await fetch(url, { headers: { Range: "bytes=0-7" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.png"/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
  });

  it("gives a stranger and an anonymous caller no URL at all", async () => {
    for (const file of [`/api/images/${img.id}/file/original`, `/api/images/${img.id}/file/thumb-256`, `/api/images/download/${img.id}`]) {
      const res = await caller(t, stranger)(file);
      expect(res.status, file).toBe(404);
      expect(res.headers.get("location")).toBeNull();
      const anon = await caller(t, null)(file);
      expect(anon.status, file).toBe(401);
      expect(anon.headers.get("location")).toBeNull();
    }
  });

  it("a URL handed out earlier stops working once it expires", async () => {
    clock.set(new Date(Date.now() - 3 * TTL * 1000));
    const old = location(await caller(t, owner)(`/api/images/${img.id}/file/original`));
    clock.set(new Date());
    const res = await fetch(old);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/expired/i);
    expect((await fetch(location(await caller(t, owner)(`/api/images/${img.id}/file/original`)))).status).toBe(200);
  });

  it("share links redirect only while the link lives; a revoked link is a 404 with no URL", async () => {
    const link = await share(t, owner, "image", img.id);
    const path = `/api/share/${link.token}/files/${img.id}/preview-768`;
    const res = await fetch(location(await t.request(path)));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const other = await storeImage(t, owner.user.id, await makePng({ hue: 10 }));
    expect((await t.request(`/api/share/${link.token}/files/${other.id}/preview-768`)).status).toBe(404);
    expect((await caller(t, owner)(`/api/share/${link.token}`, { method: "DELETE" })).status).toBe(200);
    const gone = await t.request(path);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("location")).toBeNull();
  });

  it("lets pages load pictures from the bucket's origin (CSP), and only when configured", async () => {
    const csp = (await t.request("/api/health/live")).headers.get("content-security-policy")!;
    const origin = new URL(endpoint).origin;
    expect(csp).toContain(`img-src 'self' data: blob: ${origin}`);
    expect(csp).toContain(`media-src 'self' ${origin}`);
    expect(csp).toContain(`connect-src 'self' ${origin}`);
    const plain = (await base.request("/api/health/live")).headers.get("content-security-policy")!;
    expect(plain).toContain("img-src 'self' data: blob:;");
    expect(plain).not.toContain("media-src");
  });
});
