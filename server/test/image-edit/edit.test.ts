import { randomUUID } from "node:crypto";
import type { ImageDetail, Lineage } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images, users } from "../../src/db/schema";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, ok, storeImage } from "../images/fixtures";

/** A 40×20 PNG: left half red, right half blue, a green 4×4 square in the top-left corner. */
async function marked(): Promise<Buffer> {
  const w = 40;
  const h = 20;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const [r, g, b] = x < 4 && y < 4 ? [0, 200, 0] : x < w / 2 ? [200, 40, 40] : [40, 40, 200];
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

async function pixel(t: TestApp, id: string, x: number, y: number): Promise<[number, number, number]> {
  const res = await t.deps.database.db.select({ filePath: images.filePath }).from(images).where(eq(images.id, id));
  const obj = await t.deps.storage.get(res[0]!.filePath);
  const chunks: Buffer[] = [];
  for await (const c of obj!.body) chunks.push(Buffer.from(c as Buffer));
  const { data, info } = await sharp(Buffer.concat(chunks)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 3;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe("image editing: crop, rotate, flip, adjust → a new version in the lineage", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;
  let png: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    [owner, other] = await Promise.all([signUp(t), signUp(t)]);
    png = await marked();
  });
  afterAll(() => t.close());

  const source = () => storeImage(t, owner.user.id, png, { prompt: "a red and blue flag", altText: "a red and blue flag", parameters: { seed: 7, steps: 4 }, tags: ["flag"] });
  const edit = (u: SignedUpUser, id: string, body: Record<string, unknown>) => caller(t, u)(`/api/images/${id}/edit`, { body });
  const credits = async () => (await t.deps.database.db.select({ c: users.creditsBalance }).from(users).where(eq(users.id, owner.user.id)))[0]!.c;

  it("rotates 90° clockwise and crops what is shown: a new image with the parent link, operation and edit recorded, free", async () => {
    const src = await source();
    const before = await credits();
    const crop = { x: 0, y: 0, width: 1, height: 0.5 }; // of the rotated 20×40 picture: its top half, 20×20
    const out = await ok<ImageDetail>(edit(owner, src.id, { rotate: 90, crop }), 201);
    expect(out).toMatchObject({ width: 20, height: 20, parentImageId: src.id, operation: "edit", prompt: "a red and blue flag", tags: ["flag"] });
    expect(out.id).not.toBe(src.id);
    // After a clockwise turn the green corner (top-left) is at the top-right, and the top half is the red half.
    expect(await pixel(t, out.id, 18, 1)).toEqual([0, 200, 0]);
    expect(await pixel(t, out.id, 5, 15)).toEqual([200, 40, 40]);
    expect(await credits()).toBe(before);
    const [row] = await t.deps.database.db.select().from(images).where(eq(images.id, out.id));
    expect(row!.metadata).toMatchObject({ edit: { rotate: 90, crop, cropPixels: { left: 0, top: 0, width: 20, height: 20 } } });
    expect(row!.costCredits).toBe(0);
    const lineage = await ok<Lineage>(caller(t, owner)(`/api/images/${out.id}/lineage`));
    expect(lineage.nodes.find((n) => n.id === out.id)).toMatchObject({ parentImageId: src.id, operation: "edit" });
    // Its files are served like any image's.
    expect((await caller(t, owner)(`/api/images/${out.id}/file/thumb-256`)).status).toBe(200);
  });

  it("flips horizontally and vertically, and adjusts brightness, contrast and saturation like the CSS preview", async () => {
    const src = await source();
    const flipped = await ok<ImageDetail>(edit(owner, src.id, { flipH: true, flipV: true }), 201);
    expect([flipped.width, flipped.height]).toEqual([40, 20]);
    expect(await pixel(t, flipped.id, 38, 18)).toEqual([0, 200, 0]);
    const brighter = await ok<ImageDetail>(edit(owner, src.id, { brightness: 20 }), 201);
    expect(await pixel(t, brighter.id, 10, 10)).toEqual([240, 48, 48]); // 200·1.2, 40·1.2
    const grey = await ok<ImageDetail>(edit(owner, src.id, { saturation: -100 }), 201);
    const [r, g, b] = await pixel(t, grey.id, 10, 10);
    expect(Math.abs(r - g) + Math.abs(g - b)).toBeLessThanOrEqual(2);
    const flat = await ok<ImageDetail>(edit(owner, src.id, { contrast: -100 }), 201);
    expect(await pixel(t, flat.id, 10, 10)).toEqual([128, 128, 128]);
  });

  it("refuses bad edits with a clear message and changes nothing", async () => {
    const src = await source();
    const count = async () => (await t.deps.database.db.select({ id: images.id }).from(images).where(eq(images.userId, owner.user.id))).length;
    const n = await count();
    const cases: [Record<string, unknown>, number][] = [
      [{}, 400], // nothing to do
      [{ rotate: 45 }, 400],
      [{ brightness: 101 }, 400],
      [{ brightness: 1.5 }, 400],
      [{ crop: { x: 0.5, y: 0, width: 0.6, height: 1 } }, 400],
      [{ crop: { x: 0, y: 0, width: 0.1, height: 0.1 } }, 400], // 4×2 px: under the minimum
      [{ crop: { x: 0, y: 0, width: 0, height: 1 } }, 400],
      [{ rotate: 90, extra: true }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await edit(owner, src.id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    }
    expect((await edit(other, src.id, { rotate: 90 })).status).toBe(404);
    expect((await edit(owner, randomUUID(), { rotate: 90 })).status).toBe(404);
    expect((await caller(t, null)(`/api/images/${src.id}/edit`, { body: { rotate: 90 } })).status).toBe(401);
    await caller(t, owner)(`/api/images/${src.id}`, { method: "DELETE" });
    expect((await edit(owner, src.id, { rotate: 90 })).status).toBe(409);
    expect(await count()).toBe(n);
  });

  it("a retry with the same client id answers with the same image, also when the two calls race", async () => {
    const src = await source();
    const clientId = randomUUID();
    const first = await ok<ImageDetail>(edit(owner, src.id, { clientId, rotate: 180 }), 201);
    expect(first.id).toBe(clientId);
    const again = await ok<ImageDetail>(edit(owner, src.id, { clientId, rotate: 180 }), 200);
    expect(again.id).toBe(clientId);
    // Someone else's id is not theirs to reuse.
    expect((await edit(other, (await storeImage(t, other.user.id, png)).id, { clientId, rotate: 90 })).status).toBe(409);
    const raced = randomUUID();
    const results = await Promise.all([edit(owner, src.id, { clientId: raced, flipH: true }), edit(owner, src.id, { clientId: raced, flipH: true })]);
    for (const r of results) expect([200, 201]).toContain(r.status);
    const rows = await t.deps.database.db.select({ id: images.id }).from(images).where(eq(images.id, raced));
    expect(rows).toHaveLength(1);
  });
});
