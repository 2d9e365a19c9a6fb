import { jobSchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import { startFakeFal, type FakeFal } from "../fake-fal";
import { createTestApp, signUp, type SignedUpUser, type TestApp } from "../harness";
import { caller, finished, imageOf, jobsOf, makePng, storeImage, upload } from "./helpers";

describe("iteration through fal.ai (real @fal-ai/client against the fake fal server)", () => {
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
    const s = fake
      .submits()
      .filter((x) => x.endpoint === endpoint)
      .at(-1);
    expect(s, endpoint).toBeTruthy();
    return s!.input as Record<string, unknown>;
  };
  async function run(path: string, body: unknown) {
    const res = await caller(t, u)(path, { body });
    expect(res.status, `${path} ${await res.clone().text()}`).toBe(202);
    const job = jobSchema.parse(await res.json());
    const done = await finished(t, u, job.id);
    expect(done.status, done.errorMessage ?? "").toBe("completed");
    return { job, done };
  }
  const source = async (size = 256) =>
    storeImage(t, u.user.id, await makePng({ width: size, height: size, hue: 10 }), {
      prompt: "a harbour",
      parameters: { seed: 77 },
    });

  it("variation uses the model's redux endpoint with the source image and a fresh seed", async () => {
    const src = await source();
    const { job } = await run(`/api/images/${src.id}/variation`, { count: 2 });
    expect(job.modelId).toBe("fal-ai/flux/dev");
    const input = lastSubmit("fal-ai/flux-1/dev/redux");
    expect(input).toMatchObject({ num_images: 2, seed: job.parameters.seed });
    expect(String(input.image_url)).toMatch(/^(data:image\/png;base64,|http)/);
    expect(job.parameters.seed).not.toBe(77);
  });

  it("upscale goes to clarity-upscaler with the factor; 8× is 4× then 2×", async () => {
    const src = await source(128);
    const { done } = await run(`/api/images/${src.id}/upscale`, { scale: 2, lockSeed: true });
    expect(lastSubmit("fal-ai/clarity-upscaler")).toMatchObject({ upscale_factor: 2, seed: 77, prompt: "a harbour" });
    expect((await imageOf(t, done)).width).toBe(256);
    const before = fake.submits().filter((s) => s.endpoint === "fal-ai/clarity-upscaler").length;
    const balance = async () =>
      (await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, u.user.id)))[0]!.b;
    const startBalance = await balance();
    const { job: first, done: firstDone } = await run(`/api/images/${src.id}/upscale`, { scale: 8 });
    const passes = await (async () => {
      for (let i = 0; i < 300; i++) {
        const all = fake
          .submits()
          .filter((s) => s.endpoint === "fal-ai/clarity-upscaler")
          .slice(before);
        if (all.length >= 2) return all;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("no second pass");
    })();
    expect(passes.map((p) => (p.input as { upscale_factor: number }).upscale_factor)).toEqual([4, 2]);
    // The first job held the credits of both passes; the second pass took its share over, nothing was lost.
    const secondRow = (await jobsOf(t, u.user.id)).find((j) => j.parentImageId === firstDone.imageIds[0])!;
    const second = await finished(t, u, secondRow.id);
    expect(second.status).toBe("completed");
    expect(second.creditsHeld).toBeGreaterThan(0);
    expect(first.creditsHeld).toBe(firstDone.creditsCharged + second.creditsHeld);
    expect(await balance()).toBe(startBalance - firstDone.creditsCharged - second.creditsCharged);
  });

  it("remix applies LoRAs on flux-lora's image-to-image endpoint", async () => {
    const src = await source();
    const loras = [{ path: "https://example.com/style.safetensors", scale: 0.8 }];
    const { job } = await run(`/api/images/${src.id}/remix`, { prompt: "in my style", loras, strength: 0.6 });
    expect(job.modelId).toBe("fal-ai/flux-lora");
    expect(lastSubmit("fal-ai/flux-lora/image-to-image")).toMatchObject({
      prompt: "in my style",
      loras,
      strength: 0.6,
    });
    const plain = await caller(t, u)(`/api/images/${src.id}/remix`, {
      body: { loras: [{ path: "http://example.com/style.safetensors", scale: 1 }] },
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/https:\/\/ URL/);
  });

  it("image-to-image from an upload sends the uploaded bytes", async () => {
    const up = (await (await upload(t, u, await makePng({ width: 64, height: 64, hue: 99 }))).json()) as {
      uploadId: string;
    };
    await run("/api/generate/image-to-image", {
      prompt: "oil painting",
      modelId: "fal-ai/flux/dev",
      uploadId: up.uploadId,
      strength: 0.5,
    });
    expect(lastSubmit("fal-ai/flux/dev/image-to-image")).toMatchObject({ prompt: "oil painting", strength: 0.5 });
  });

  it("inpaint and outpaint use FLUX Fill with a mask; background removal uses BiRefNet v2", async () => {
    const src = await source(64);
    const mask = (await (
      await upload(
        t,
        u,
        await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
          .png()
          .toBuffer(),
        { purpose: "mask" },
      )
    ).json()) as { uploadId: string };
    await run(`/api/images/${src.id}/inpaint`, { maskUploadId: mask.uploadId, prompt: "a boat" });
    const inp = lastSubmit("fal-ai/flux-pro/v1/fill");
    expect(inp).toMatchObject({ prompt: "a boat" });
    expect(inp.mask_url).toBeTruthy();

    const { done } = await run(`/api/images/${src.id}/outpaint`, { extend: { right: 64 } });
    expect(lastSubmit("fal-ai/flux-pro/v1/fill").mask_url).toBeTruthy();
    expect((await imageOf(t, done)).operation).toBe("outpaint");

    const { job } = await run(`/api/images/${src.id}/remove-background`, {});
    expect(job.modelId).toBe("fal-ai/birefnet/v2");
    expect(lastSubmit("fal-ai/birefnet/v2")).toMatchObject({ output_format: "png" });
  });

  it("style transfer sends the reference image to FLUX ultra", async () => {
    const src = await source();
    const style = await storeImage(t, u.user.id, await makePng({ width: 64, height: 64, stripes: true }));
    const { job } = await run(`/api/images/${src.id}/style-transfer`, {
      styleImageId: style.id,
      prompt: "in this style",
    });
    expect(job.modelId).toBe("fal-ai/flux-pro/v1.1-ultra");
    const input = lastSubmit("fal-ai/flux-pro/v1.1-ultra");
    expect(input).toMatchObject({ prompt: "in this style", aspect_ratio: "1:1" });
    expect(input.image_url).toBeTruthy();
  });
});
