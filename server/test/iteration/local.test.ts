import { errorBodySchema, jobSchema } from "@image-studio/shared";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestApp } from "../harness";
import { caller, finished, imageOf, jobsOf, makePng, originalBytes, storeImage, upload, startWithWorker } from "./helpers";

describe("iteration API through the local engine", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ t, stop } = await startWithWorker()));
  afterAll(() => stop());

  async function setup(size = 96) {
    const u = await signUp(t);
    const src = await storeImage(t, u.user.id, await makePng({ width: size, height: size, hue: 40 }), {
      prompt: "a red kite over hills",
      parameters: { seed: 1234 },
    });
    return { u, call: caller(t, u), src };
  }

  it("makes variations with new seeds (or the parent's seed when locked) and records the parent", async () => {
    const { u, call, src } = await setup();
    const res = await call(`/api/images/${src.id}/variation`, { body: { count: 2, strength: 0.5 } });
    expect(res.status).toBe(202);
    const job = jobSchema.parse(await res.json());
    expect(job).toMatchObject({ operation: "variation", modelId: "local/sketch", parentImageId: src.id });
    const done = await finished(t, u, job.id);
    expect(done.status).toBe("completed");
    expect(done.imageIds).toHaveLength(2);
    const img = await imageOf(t, done);
    expect(img).toMatchObject({ parentImageId: src.id, operation: "variation", prompt: "a red kite over hills" });
    expect(img.parameters.seed).not.toBe(1234);

    const locked = jobSchema.parse(
      await (await call(`/api/images/${src.id}/variation`, { body: { lockSeed: true } })).json(),
    );
    expect(locked.parameters.seed).toBe(1234);
  });

  it("upscales 2× and 8× (two chained passes) and refuses results past the pixel guard", async () => {
    const { u, call, src } = await setup(64);
    const two = jobSchema.parse(await (await call(`/api/images/${src.id}/upscale`, { body: { scale: 2 } })).json());
    expect(two.modelId).toBe("local/upscale");
    const twoDone = await imageOf(t, await finished(t, u, two.id));
    expect([twoDone.width, twoDone.height, twoDone.operation]).toEqual([128, 128, "upscale"]);

    const res = await call(`/api/images/${src.id}/upscale`, { body: { scale: 8 } });
    expect(res.status).toBe(202);
    const first = jobSchema.parse(await res.json());
    expect(first.parameters.scale).toBe(4);
    const mid = await imageOf(t, await finished(t, u, first.id));
    expect(mid.width).toBe(256);
    const second = await (async () => {
      for (let i = 0; i < 200; i++) {
        const rows = (await jobsOf(t, u.user.id)).filter((j) => j.parentImageId === mid.id);
        if (rows[0]) return rows[0];
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("second pass never queued");
    })();
    const final = await imageOf(t, await finished(t, u, second.id));
    expect([final.width, final.height, final.parentImageId]).toEqual([512, 512, mid.id]);

    const big = await storeImage(t, u.user.id, await makePng({ width: 1200, height: 1200 }));
    const before = (await jobsOf(t, u.user.id)).length;
    const refused = await call(`/api/images/${big.id}/upscale`, { body: { scale: 8 } });
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(await refused.json()).error.message).toMatch(/9600×9600.*megapixels/);
    expect((await call(`/api/images/${src.id}/upscale`, { body: { scale: 3 } })).status).toBe(400);
    expect((await jobsOf(t, u.user.id)).length).toBe(before);
  });

  it("remixes with a new prompt, keeps the seed when asked, and runs image-to-image from an upload", async () => {
    const { u, call, src } = await setup();
    const remix = jobSchema.parse(
      await (
        await call(`/api/images/${src.id}/remix`, { body: { prompt: "a blue kite", strength: 0.7, lockSeed: true } })
      ).json(),
    );
    expect(remix).toMatchObject({ operation: "image-to-image", prompt: "a blue kite", parentImageId: src.id });
    expect(remix.parameters).toMatchObject({ seed: 1234, strength: 0.7, width: 96, height: 96 });
    expect((await finished(t, u, remix.id)).status).toBe("completed");

    const up = await upload(t, u, await makePng({ width: 80, height: 48, hue: 200 }));
    expect(up.status).toBe(201);
    const { uploadId, width, height } = (await up.json()) as { uploadId: string; width: number; height: number };
    expect([width, height]).toEqual([80, 48]);
    const i2i = await call("/api/generate/image-to-image", {
      body: { prompt: "watercolour", modelId: "local/sketch", uploadId },
    });
    expect(i2i.status).toBe(202);
    const i2iJob = jobSchema.parse(await i2i.json());
    expect(i2iJob.parentImageId).toBeNull();
    const out = await imageOf(t, await finished(t, u, i2iJob.id));
    expect([out.width, out.height]).toEqual([80, 48]);
    // The existing sourceImageId form still works through the same route.
    const bySource = await call("/api/generate/image-to-image", {
      body: { prompt: "ink", modelId: "local/sketch", sourceImageId: src.id },
    });
    expect(jobSchema.parse(await bySource.json()).parentImageId).toBe(src.id);
    const both = await call("/api/generate/image-to-image", {
      body: { prompt: "ink", modelId: "local/sketch", sourceImageId: src.id, uploadId },
    });
    expect(both.status).toBe(400);
  });

  it("inpaints with an uploaded mask and outpaints by the chosen amounts", async () => {
    const { u, call, src } = await setup(64);
    const maskPng = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#000" } })
      .composite([
        {
          input: await sharp({ create: { width: 32, height: 32, channels: 3, background: "#fff" } })
            .png()
            .toBuffer(),
          left: 16,
          top: 16,
        },
      ])
      .png()
      .toBuffer();
    const mask = (await (await upload(t, u, maskPng, { purpose: "mask" })).json()) as { uploadId: string };
    const inp = await call(`/api/images/${src.id}/inpaint`, { body: { maskUploadId: mask.uploadId, prompt: "a sun" } });
    expect(inp.status).toBe(202);
    const inpJob = jobSchema.parse(await inp.json());
    expect(inpJob.modelId).toBe("local/inpaint");
    const inpaintDone = await imageOf(t, await finished(t, u, inpJob.id));
    expect(inpaintDone).toMatchObject({ operation: "inpaint", parentImageId: src.id, width: 64 });

    const wrong = (await (
      await upload(t, u, await makePng({ width: 32, height: 32 }), { purpose: "mask" })
    ).json()) as { uploadId: string };
    const mismatch = await call(`/api/images/${src.id}/inpaint`, {
      body: { maskUploadId: wrong.uploadId, prompt: "a sun" },
    });
    expect(mismatch.status).toBe(400);
    expect(errorBodySchema.parse(await mismatch.json()).error.message).toMatch(/must be the image's size/);

    const out = await call(`/api/images/${src.id}/outpaint`, {
      body: { extend: { left: 16, right: 32, top: 0, bottom: 8 } },
    });
    expect(out.status).toBe(202);
    const outImg = await imageOf(t, await finished(t, u, jobSchema.parse(await out.json()).id));
    expect([outImg.width, outImg.height, outImg.operation]).toEqual([112, 72, "outpaint"]);
    expect((await call(`/api/images/${src.id}/outpaint`, { body: { extend: {} } })).status).toBe(400);
  });

  it("removes the background into a transparent PNG and transfers a style", async () => {
    const { u, call, src } = await setup(64);
    const flat = await storeImage(
      t,
      u.user.id,
      await sharp({ create: { width: 64, height: 64, channels: 3, background: "#ffffff" } })
        .composite([{ input: await makePng({ width: 24, height: 24, hue: 90 }), left: 20, top: 20 }])
        .png()
        .toBuffer(),
    );
    const rb = jobSchema.parse(await (await call(`/api/images/${flat.id}/remove-background`, { body: {} })).json());
    expect(rb.modelId).toBe("local/remove-background");
    const cut = await imageOf(t, await finished(t, u, rb.id));
    expect(cut.format).toBe("png");
    const meta = await sharp(await originalBytes(t, cut.filePath)).stats();
    expect(meta.isOpaque).toBe(false);

    const style = await storeImage(t, u.user.id, await makePng({ width: 32, height: 32, hue: 180, stripes: true }));
    const st = await call(`/api/images/${src.id}/style-transfer`, { body: { styleImageId: style.id, strength: 0.9 } });
    expect(st.status).toBe(202);
    const stImg = await imageOf(t, await finished(t, u, jobSchema.parse(await st.json()).id));
    expect(stImg).toMatchObject({ operation: "style-transfer", parentImageId: src.id });
    expect((stImg.metadata as { inputs: { styleImageId: string } }).inputs.styleImageId).toBe(style.id);
  });

  it("answers 401 anonymously and 404 for another user's image or upload, queueing nothing", async () => {
    const a = await setup();
    const b = await signUp(t);
    const callB = caller(t, b);
    const anon = caller(t, null);
    const up = (await (await upload(t, a.u, await makePng())).json()) as { uploadId: string };
    expect((await anon(`/api/images/${a.src.id}/variation`, { body: {} })).status).toBe(401);
    expect((await upload(t, null, await makePng())).status).toBe(401);
    const cases: [string, unknown][] = [
      [`/api/images/${a.src.id}/variation`, {}],
      [`/api/images/${a.src.id}/upscale`, { scale: 2 }],
      [`/api/images/${a.src.id}/remix`, { prompt: "x" }],
      [`/api/images/${a.src.id}/remove-background`, {}],
      [`/api/images/${a.src.id}/outpaint`, { extend: { top: 8 } }],
      ["/api/generate/image-to-image", { prompt: "x", modelId: "local/sketch", uploadId: up.uploadId }],
      ["/api/generate/image-to-image", { prompt: "x", modelId: "local/sketch", sourceImageId: a.src.id }],
    ];
    for (const [path, body] of cases) {
      const res = await callB(path, { body });
      expect(res.status, path).toBe(404);
    }
    expect((await callB(`/api/images/${a.src.id}/lineage`)).status).toBe(404);
    const own = await storeImage(t, b.user.id, await makePng());
    expect(
      (await callB(`/api/images/${own.id}/inpaint`, { body: { maskUploadId: up.uploadId, prompt: "x" } })).status,
    ).toBe(404);
    expect((await callB(`/api/images/${own.id}/style-transfer`, { body: { styleImageId: a.src.id } })).status).toBe(
      404,
    );
    expect(await jobsOf(t, b.user.id)).toHaveLength(0);
  });
});
