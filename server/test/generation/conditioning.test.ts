import { jobSchema } from "@image-studio/shared";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue } from "../../src/db/schema";
import { eq } from "drizzle-orm";
import { createTestApp, signUp, type SignedUpUser, type TestApp } from "../harness";
import { Worker } from "../../src/jobs/worker";
import { caller, finished, imageOf, makePng, originalBytes, storeImage, upload } from "../iteration/helpers";

/** A white canvas with a black square: clear edges, and a dark block the depth heuristic reads. */
const squarePng = (size = 256) =>
  sharp({ create: { width: size, height: size, channels: 3, background: "#ffffff" } })
    .composite([{ input: { create: { width: size / 2, height: size / 2, channels: 3, background: "#000000" } }, left: size / 4, top: size / 4 }])
    .png()
    .toBuffer();

async function greyOf(png: Buffer) {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe("text-to-image with ControlNet, image prompts, multi-prompts and project defaults (local engine)", () => {
  let t: TestApp;
  let worker: Worker;
  let u: SignedUpUser;
  let other: SignedUpUser;
  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 4, pollMs: 20, idleMs: 50 });
    worker.start();
    u = await signUp(t);
    other = await signUp(t);
  });
  afterAll(async () => {
    await worker?.stop(2000);
    await t?.close();
  });

  async function generate(body: Record<string, unknown>, as = u) {
    const res = await caller(t, as)("/api/generate/text-to-image", { body: { modelId: "local/sketch", parameters: { aspectRatio: "1:1", seed: 7 }, ...body } });
    return res;
  }
  async function render(body: Record<string, unknown>) {
    const res = await generate(body);
    expect(res.status, await res.clone().text()).toBe(202);
    const done = await finished(t, u, jobSchema.parse(await res.json()).id);
    expect(done.status, done.errorMessage ?? "").toBe("completed");
    return { job: done, bytes: await originalBytes(t, (await imageOf(t, done)).filePath) };
  }
  const uploadId = async (png: Buffer, as = u) => ((await (await upload(t, as, png)).json()) as { uploadId: string }).uploadId;

  it("previews the canny edge map and the depth map of an upload, sized to fit", async () => {
    const id = await uploadId(await squarePng(256));
    const res = await caller(t, u)("/api/generate/control-preview", { body: { type: "canny", uploadId: id, size: 128 } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const edges = await greyOf(Buffer.from(await res.arrayBuffer()));
    expect([edges.width, edges.height]).toEqual([128, 128]);
    // The square's outline is white; its flat inside and the flat background are black.
    const at = (x: number, y: number) => edges.data[y * edges.width + x]!;
    const band = (x: number, y0: number, y1: number) => Math.max(...Array.from({ length: y1 - y0 }, (_, k) => at(x, y0 + k)));
    expect(band(64, 28, 36)).toBe(255); // top edge of the square at y = 32
    expect(at(64, 64)).toBe(0);
    expect(at(5, 5)).toBe(0);

    const depth = await caller(t, u)("/api/generate/control-preview", { body: { type: "depth", uploadId: id } });
    const d = await greyOf(Buffer.from(await depth.arrayBuffer()));
    expect(d.width).toBe(512);
    // Lower in the frame reads as nearer (brighter).
    expect(d.data[(d.height - 4) * d.width + 8]!).toBeGreaterThan(d.data[4 * d.width + 8]!);
  });

  it("someone else's image or upload is a 404 for preview and generation", async () => {
    const theirs = await storeImage(t, other.user.id, await makePng({ width: 64, height: 64 }));
    const theirUpload = await uploadId(await squarePng(64), other);
    expect((await caller(t, u)("/api/generate/control-preview", { body: { type: "canny", imageId: theirs.id } })).status).toBe(404);
    expect((await generate({ prompt: "a house", controlNet: { type: "canny", uploadId: theirUpload } })).status).toBe(404);
    expect((await generate({ prompt: "a house", imagePrompts: [{ imageId: theirs.id, weight: 0.5 }] })).status).toBe(404);
  });

  it("refuses conditioning the model cannot take, naming the field", async () => {
    const id = await uploadId(await squarePng(64));
    const pose = await generate({ prompt: "a dancer", controlNet: { type: "pose", uploadId: id } });
    expect(pose.status).toBe(400);
    expect(await pose.text()).toMatch(/does not take a pose control image \(it takes canny, depth\)/);
    const schnell = await generate({ prompt: "a dancer", modelId: "local/upscale", controlNet: { type: "canny", uploadId: id } });
    expect(schnell.status).toBe(400);
    const both = await generate({ prompt: "x", controlNet: { type: "canny", uploadId: id, imageId: "00000000-0000-4000-8000-000000000000" } });
    expect(both.status).toBe(400);
    const zero = await generate({ prompt: "castle::0 | forest::0" });
    expect(zero.status).toBe(400);
    expect(await zero.text()).toMatch(/weight above 0/);
  });

  it("a canny control inks the control image's outline into the sketch; strength 0 leaves the sketch as it was", async () => {
    const id = await uploadId(await squarePng(512));
    const plain = await render({ prompt: "a quiet meadow" });
    const none = await render({ prompt: "a quiet meadow", controlNet: { type: "canny", uploadId: id, strength: 0 } });
    expect(none.bytes.equals(plain.bytes)).toBe(true);
    const controlled = await render({ prompt: "a quiet meadow", controlNet: { type: "canny", uploadId: id, strength: 1.5 } });
    const [a, b] = [await greyOf(plain.bytes), await greyOf(controlled.bytes)];
    // On the square's top edge (y = 256 of 1024) the controlled image is darker; away from edges it is unchanged.
    const row = (img: typeof a, y: number) => Array.from({ length: 200 }, (_, k) => img.data[y * img.width + 412 + k]!).reduce((s, v) => s + v, 0);
    expect(row(b, 256)).toBeLessThan(row(a, 256) * 0.8);
    expect(row(b, 600)).toBe(row(a, 600));
    // The stored job keeps a reference to the upload, not its bytes.
    const [stored] = await t.deps.database.db.select({ inputs: generationQueue.inputs }).from(generationQueue).where(eq(generationQueue.id, controlled.job.id));
    expect(stored!.inputs).toMatchObject({ control: { type: "canny", strength: 1.5, key: expect.stringContaining(id) } });
  });

  it("image prompts lend their colours by weight", async () => {
    const red = await storeImage(t, u.user.id, await sharp({ create: { width: 64, height: 64, channels: 3, background: "#d01010" } }).png().toBuffer());
    const plain = await render({ prompt: "a tall tower" });
    const ref = await render({ prompt: "a tall tower", imagePrompts: [{ imageId: red.id, weight: 1 }] });
    const mean = async (png: Buffer) => (await sharp(png).stats()).channels.map((c) => c.mean);
    const [p, r] = [await mean(plain.bytes), await mean(ref.bytes)];
    expect(r[0]! - r[2]!).toBeGreaterThan(p[0]! - p[2]! + 20);
    const five = Array.from({ length: 5 }, () => ({ imageId: red.id, weight: 0.5 }));
    expect((await generate({ prompt: "a tall tower", imagePrompts: five })).status).toBe(400);
  });

  it("a blend's ends are its two prompts and its middle is between them", async () => {
    const castle = await render({ prompt: "a castle" });
    const forest = await render({ prompt: "a forest" });
    const allCastle = await render({ prompt: "a castle::1 | a forest::0" });
    const half = await render({ prompt: "a castle::1 | a forest::1" });
    expect(allCastle.bytes.equals(castle.bytes)).toBe(true);
    const [c, f, h] = [await greyOf(castle.bytes), await greyOf(forest.bytes), await greyOf(half.bytes)];
    let between = 0;
    for (let i = 0; i < h.data.length; i += 97) {
      const lo = Math.min(c.data[i]!, f.data[i]!) - 2;
      const hi = Math.max(c.data[i]!, f.data[i]!) + 2;
      if (h.data[i]! >= lo && h.data[i]! <= hi) between++;
    }
    expect(between / Math.ceil(h.data.length / 97)).toBeGreaterThan(0.95);
  });

  it("generating into a project applies its prompt prefix and its default parameters for its default model", async () => {
    const id = crypto.randomUUID();
    const created = await caller(t, u)("/api/projects", {
      body: { id, name: "Game assets", settings: { promptPrefix: "isometric game asset", defaultModelId: "local/sketch", defaultParameters: { stylePreset: "pixel-art", steps: 12 } } },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const res = await generate({ prompt: "a treasure chest", projectId: id, parameters: { aspectRatio: "1:1", steps: 20 } });
    const job = jobSchema.parse(await res.json());
    expect(job.prompt).toBe("isometric game asset, a treasure chest");
    expect(job.parameters).toMatchObject({ stylePreset: "pixel-art", steps: 20 });
    expect(job.projectId).toBe(id);
    // Already prefixed: not doubled. Another model: the project's parameters are not forced on it.
    const again = jobSchema.parse(await (await generate({ prompt: "Isometric game asset, a key", projectId: id, modelId: "local/sketch-fast" })).json());
    expect(again.prompt).toBe("Isometric game asset, a key");
    expect(again.parameters.stylePreset).not.toBe("pixel-art");
    const theirs = await generate({ prompt: "x", projectId: id }, other);
    expect(theirs.status).toBe(404);
  });
});
