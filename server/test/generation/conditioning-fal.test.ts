import { jobSchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import { FLUX_CONTROLNET_UNION, FLUX_CONTROLNETS, FLUX_IP_ADAPTER } from "../../src/providers/fal/mapping-control";
import { startFakeFal, type FakeFal } from "../fake-fal";
import { createTestApp, signUp, type SignedUpUser, type TestApp } from "../harness";
import { caller, finished, makePng, storeImage, upload } from "../iteration/helpers";

const squarePng = (size = 256) =>
  sharp({ create: { width: size, height: size, channels: 3, background: "#ffffff" } })
    .composite([{ input: { create: { width: size / 2, height: size / 2, channels: 3, background: "#000000" } }, left: size / 4, top: size / 4 }])
    .png()
    .toBuffer();

/** The bytes behind a file field fal received: an inline data URI or a URL the fake stored. */
async function fileBytes(url: unknown): Promise<Buffer> {
  expect(typeof url).toBe("string");
  const s = url as string;
  if (s.startsWith("data:")) return Buffer.from(s.slice(s.indexOf(",") + 1), "base64");
  return Buffer.from(await (await fetch(s)).arrayBuffer());
}

describe("ControlNet and image prompts on fal.ai (real @fal-ai/client against the fake fal server)", () => {
  let fake: FakeFal;
  let t: TestApp;
  let worker: Worker;
  let u: SignedUpUser;
  beforeAll(async () => {
    fake = await startFakeFal();
    t = await createTestApp({ FAL_KEY: fake.key, FAL_QUEUE_URL: fake.url, FAL_JWKS_URL: fake.jwksUrl }, { ownDatabase: true });
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 4, pollMs: 20, idleMs: 50 });
    worker.start();
    u = await signUp(t);
    await t.deps.database.db.update(users).set({ creditsBalance: 1_000_000 }).where(eq(users.id, u.user.id));
  });
  afterAll(async () => {
    await worker?.stop(2000);
    await t?.close();
    await fake?.close();
  });

  const lastSubmit = (endpoint: string) => {
    const s = fake.submits().filter((x) => x.endpoint === endpoint).at(-1);
    expect(s, endpoint).toBeTruthy();
    return s!.input as Record<string, unknown>;
  };
  async function run(body: Record<string, unknown>) {
    const res = await caller(t, u)("/api/generate/text-to-image", { body: { parameters: { aspectRatio: "1:1", seed: 5 }, ...body } });
    expect(res.status, await res.clone().text()).toBe(202);
    const done = await finished(t, u, jobSchema.parse(await res.json()).id);
    expect(done.status, done.errorMessage ?? "").toBe("completed");
    return done;
  }
  const uploadId = async (png: Buffer) => ((await (await upload(t, u, png)).json()) as { uploadId: string }).uploadId;

  it("flux-general: a canny ControlNet gets our edge map at the canvas size, and image prompts go to the IP-adapter", async () => {
    const control = await uploadId(await squarePng(512));
    const ref = await storeImage(t, u.user.id, await makePng({ width: 96, height: 96, hue: 40 }));
    await run({
      prompt: "a glass house",
      modelId: "fal-ai/flux-general",
      controlNet: { type: "canny", uploadId: control, strength: 0.7 },
      imagePrompts: [{ imageId: ref.id, weight: 0.4 }],
    });
    const input = lastSubmit("fal-ai/flux-general");
    expect(input).toMatchObject({ prompt: "a glass house", image_size: "square_hd", seed: 5, num_images: 1 });
    const [net] = input.controlnets as Record<string, unknown>[];
    expect(net).toMatchObject({ path: FLUX_CONTROLNETS.canny, conditioning_scale: 0.7 });
    const mapPng = await fileBytes(net!.control_image_url);
    const meta = await sharp(mapPng).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([1024, 1024, 1]);
    const map = await sharp(mapPng).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect(new Set(map.data).size).toBeLessThanOrEqual(2); // a binary edge map, not the photo
    const [ip] = input.ip_adapters as Record<string, unknown>[];
    expect(ip).toMatchObject({ ...FLUX_IP_ADAPTER, scale: 0.4 });
    expect((await sharp(await fileBytes(ip!.image_url)).metadata()).width).toBe(96);
  });

  it("flux-general: pose goes through the ControlNet union with the original image", async () => {
    const control = await uploadId(await makePng({ width: 128, height: 128, hue: 90 }));
    await run({ prompt: "a dancer", modelId: "fal-ai/flux-general", controlNet: { type: "pose", uploadId: control } });
    const input = lastSubmit("fal-ai/flux-general");
    expect(input.controlnets).toBeUndefined();
    const [union] = input.controlnet_unions as { path: string; controls: Record<string, unknown>[] }[];
    expect(union!.path).toBe(FLUX_CONTROLNET_UNION);
    expect(union!.controls[0]).toMatchObject({ control_mode: "pose", conditioning_scale: 1 });
    expect((await sharp(await fileBytes(union!.controls[0]!.control_image_url)).metadata()).channels).toBe(3);
  });

  it("flux control LoRAs take the map in control_lora_image_url with its strength", async () => {
    const control = await uploadId(await squarePng(256));
    await run({ prompt: "a lake", modelId: "fal-ai/flux-control-lora-depth", controlNet: { type: "depth", uploadId: control, strength: 1.2 } });
    const input = lastSubmit("fal-ai/flux-control-lora-depth");
    expect(input).toMatchObject({ prompt: "a lake", control_lora_strength: 1.2, guidance_scale: 3.5, num_inference_steps: 28, output_format: "png" });
    expect((await sharp(await fileBytes(input.control_lora_image_url)).metadata()).channels).toBe(1);
    const res = await caller(t, u)("/api/generate/text-to-image", { body: { prompt: "a lake", modelId: "fal-ai/flux-control-lora-canny", controlNet: { type: "depth", uploadId: control } } });
    expect(res.status).toBe(400);
  });

  it("sdxl-controlnet-union: the original image in <type>_image_url, preprocessed by fal, weighted multi-prompt", async () => {
    const control = await uploadId(await makePng({ width: 128, height: 128 }));
    await run({ prompt: "castle::3 | forest::1", negativePrompt: "blurry", modelId: "fal-ai/sdxl-controlnet-union", controlNet: { type: "pose", uploadId: control, strength: 0.5 } });
    const input = lastSubmit("fal-ai/sdxl-controlnet-union");
    expect(input).toMatchObject({ openpose_preprocess: true, controlnet_conditioning_scale: 0.5, negative_prompt: "blurry", prompt: "(castle:1.5), (forest:0.5)" });
    expect((await sharp(await fileBytes(input.openpose_image_url)).metadata()).width).toBe(128);
  });

  it("FLUX ultra: one image prompt as image_url with its weight as image_prompt_strength; FLUX reads multi-prompts by order", async () => {
    const ref = await storeImage(t, u.user.id, await makePng({ width: 64, height: 64 }));
    await run({ prompt: "forest::1 | castle::2", modelId: "fal-ai/flux-pro/v1.1-ultra", imagePrompts: [{ imageId: ref.id, weight: 0.3 }] });
    const input = lastSubmit("fal-ai/flux-pro/v1.1-ultra");
    expect(input).toMatchObject({ image_prompt_strength: 0.3, prompt: "castle, forest" });
    expect((await sharp(await fileBytes(input.image_url)).metadata()).width).toBe(64);
    const two = await caller(t, u)("/api/generate/text-to-image", { body: { prompt: "x", modelId: "fal-ai/flux-pro/v1.1-ultra", imagePrompts: [{ imageId: ref.id }, { imageId: ref.id }] } });
    expect(two.status).toBe(400);
  });
});
