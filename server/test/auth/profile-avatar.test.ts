import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avatarPrefix } from "../../src/storage/keys";
import { listAll } from "../../src/storage/types";
import { createTestApp, jsonRequest, randomIp, signUp, TEST_ORIGIN, type TestApp } from "../harness";
import { expectError } from "./helpers";

const png = (w: number, h: number, color = { r: 139, g: 92, b: 246 }) =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .png()
    .toBuffer();

function upload(
  t: TestApp,
  cookie: string,
  data: Buffer,
  opts: { name?: string; type?: string; crop?: [number, number, number] } = {},
) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(data)], opts.name ?? "me.png", { type: opts.type ?? "image/png" }));
  if (opts.crop) {
    form.set("cropX", String(opts.crop[0]));
    form.set("cropY", String(opts.crop[1]));
    form.set("cropSize", String(opts.crop[2]));
  }
  return t.request("/api/account/avatar", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: TEST_ORIGIN, "X-Forwarded-For": randomIp() },
  });
}

describe("profile and avatar", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("updates name, time zone and language, and validates them", async () => {
    const u = await signUp(t);
    const res = await jsonRequest(t, "/api/auth/profile", {
      method: "PUT",
      cookie: u.cookie,
      body: { name: "  Grace Hopper ", timezone: "Europe/Berlin", language: "de" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { name: "Grace Hopper", timezone: "Europe/Berlin", language: "de", onboardingState: { profile: true } },
    });
    const me = (await (await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).json()) as {
      user: { name: string };
    };
    expect(me.user.name).toBe("Grace Hopper");

    await expectError(
      await jsonRequest(t, "/api/auth/profile", {
        method: "PUT",
        cookie: u.cookie,
        body: { timezone: "Mars/Olympus_Mons" },
      }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/profile", { method: "PUT", cookie: u.cookie, body: { language: "xx" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/profile", { method: "PUT", cookie: u.cookie, body: { name: "" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/profile", { method: "PUT", cookie: u.cookie, body: {} }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await jsonRequest(t, "/api/auth/profile", { method: "PUT", body: { name: "Nobody" } }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("re-encodes an uploaded avatar to WebP in two sizes, serves it with caching, and deletes the old one", async () => {
    const u = await signUp(t);
    const first = await upload(t, u.cookie, await png(600, 400), { crop: [100, 50, 300] });
    expect(first.status).toBe(201);
    const { image } = (await first.json()) as { image: string };
    expect(image).toMatch(new RegExp(`^/api/avatars/${u.user.id}\\?v=\\d+$`));

    const big = await t.request(`${image}&size=256`);
    expect(big.status).toBe(200);
    expect(big.headers.get("content-type")).toBe("image/webp");
    expect(big.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const meta = await sharp(Buffer.from(await big.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
    const small = await sharp(Buffer.from(await (await t.request(`${image}&size=64`)).arrayBuffer())).metadata();
    expect([small.width, small.height]).toEqual([64, 64]);
    const etag = big.headers.get("etag")!;
    expect((await t.request(`${image}&size=256`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const unversioned = await t.request(`/api/avatars/${u.user.id}`);
    expect(unversioned.headers.get("cache-control")).toMatch(/max-age=60/);

    const second = await upload(t, u.cookie, await png(300, 300, { r: 236, g: 72, b: 153 }));
    const { image: image2 } = (await second.json()) as { image: string };
    expect(image2).not.toBe(image);
    const keys = (await listAll(t.deps.storage, avatarPrefix(u.user.id))).map((o) => o.key);
    const version = new URL(image2, "http://x").searchParams.get("v");
    expect(keys.sort()).toEqual([
      `${avatarPrefix(u.user.id)}v${version}-256.webp`,
      `${avatarPrefix(u.user.id)}v${version}-64.webp`,
    ]);
    const me = (await (await jsonRequest(t, "/api/auth/me", { cookie: u.cookie })).json()) as {
      user: { image: string };
    };
    expect(me.user.image).toBe(image2);

    expect((await jsonRequest(t, "/api/account/avatar", { method: "DELETE", cookie: u.cookie })).status).toBe(200);
    expect(await listAll(t.deps.storage, avatarPrefix(u.user.id))).toEqual([]);
    expect((await t.request(image2)).status).toBe(404);
  });

  it("checks the content by decoding it, not by its name or type, and enforces size and pixel limits", async () => {
    const u = await signUp(t);
    await expectError(
      await upload(t, u.cookie, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"), {
        name: "cat.png",
      }),
      415,
      "UNSUPPORTED_MEDIA",
    );
    await expectError(
      await upload(t, u.cookie, Buffer.from("GIF89a not really a gif at all"), { name: "a.gif", type: "image/gif" }),
      415,
      "UNSUPPORTED_MEDIA",
    );
    await expectError(await upload(t, u.cookie, Buffer.alloc(6 * 1024 * 1024, 1)), 413, "PAYLOAD_TOO_LARGE");
    const huge = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: "#000" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(huge.length).toBeLessThan(5 * 1024 * 1024);
    await expectError(await upload(t, u.cookie, huge), 413, "PAYLOAD_TOO_LARGE");
    await expectError(await upload(t, u.cookie, await png(100, 100), { crop: [50, 50, 80] }), 400, "VALIDATION_FAILED");
    // A JPEG named .txt with a wrong type is still a valid image.
    const jpeg = await sharp({ create: { width: 80, height: 80, channels: 3, background: "#10B981" } })
      .jpeg()
      .toBuffer();
    expect((await upload(t, u.cookie, jpeg, { name: "notes.txt", type: "text/plain" })).status).toBe(201);
  });

  it("serves a private avatar only to its owner (everyone else gets a 404)", async () => {
    const owner = await signUp(t);
    const other = await signUp(t);
    const { image } = (await (await upload(t, owner.cookie, await png(64, 64))).json()) as { image: string };
    expect((await t.request(image)).status).toBe(200);
    await jsonRequest(t, "/api/auth/profile", { method: "PUT", cookie: owner.cookie, body: { publicAvatar: false } });
    expect((await t.request(image)).status).toBe(404);
    expect((await t.request(image, { headers: { Cookie: other.cookie } })).status).toBe(404);
    const mine = await t.request(image, { headers: { Cookie: owner.cookie } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toMatch(/^private/);
    expect((await t.request("/api/avatars/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
