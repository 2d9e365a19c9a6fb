/**
 * Image-to-video on fal (Kling 2.1 standard) through the real @fal-ai/client against the fake: the exact input
 * JSON, the uploaded source image, and the MP4 that comes back (size and length read from its header).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeFal, startFakeFal } from "../../../test/fake-fal";
import { decodeDataUri, providerInput, runToCompletion, testImage } from "../../../test/fake-fal/helpers";
import { isMp4, mp4Facts, mp4Header } from "./mp4";
import { FalProvider } from "./provider";

const KLING = "fal-ai/kling-video/v2.1/standard/image-to-video";
let fake: FakeFal;
let fal: FalProvider;

beforeAll(async () => {
  fake = await startFakeFal();
  fal = new FalProvider({ key: fake.key, queueUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

describe("Kling 2.1 image-to-video", () => {
  it("sends prompt, image_url, duration as fal's string enum, negative_prompt and cfg_scale; returns the MP4", async () => {
    const source = await testImage(640, 480);
    const input = providerInput(KLING, "image-to-video", { width: 640, height: 480, duration: 10, guidanceScale: 0.7 }, {
      sourceImage: source,
      prompt: "the camera pushes in slowly",
      negativePrompt: "blur",
    });
    const { result } = await runToCompletion(fal, input);
    const submit = fake.submits().at(-1)! as { endpoint: string; input: Record<string, unknown> };
    expect(submit.endpoint).toBe(KLING);
    expect(submit.input).toEqual({
      prompt: "the camera pushes in slowly",
      image_url: expect.any(String),
      duration: "10",
      negative_prompt: "blur",
      cfg_scale: 0.7,
    });
    expect(decodeDataUri(submit.input.image_url).data.equals(source)).toBe(true);
    expect(result.images).toHaveLength(1);
    const clip = result.images[0]!;
    expect(clip.contentType).toBe("video/mp4");
    expect(isMp4(clip.data)).toBe(true);
    expect(clip).toMatchObject({ width: 960, height: 720, video: { format: "mp4", durationSeconds: 10 } });
  });

  it("the default duration is 5 seconds; a source under Kling's 300 px minimum fails as fal reports it", async () => {
    const ok = await runToCompletion(fal, providerInput(KLING, "image-to-video", { width: 400, height: 400 }, { sourceImage: await testImage(400, 400) }));
    expect((fake.submits().at(-1)!.input as Record<string, unknown>).duration).toBe("5");
    expect(ok.result.images[0]!.video?.durationSeconds).toBe(5);
    const small = providerInput(KLING, "image-to-video", { width: 400, height: 400 }, { sourceImage: await testImage(200, 200) });
    await expect(runToCompletion(fal, small)).rejects.toMatchObject({ kind: "validation" });
  });
});

describe("MP4 header facts", () => {
  it("reads size and duration, and tells MP4 from AVIF and junk", () => {
    expect(mp4Facts(mp4Header(1280, 720, 5.5))).toEqual({ width: 1280, height: 720, durationSeconds: 5.5 });
    const avif = Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from("ftypavif", "latin1"), Buffer.alloc(8)]);
    expect(isMp4(avif)).toBe(false);
    expect(mp4Facts(Buffer.from("not a video at all"))).toBeUndefined();
    expect(mp4Facts(mp4Header(640, 360, 3).subarray(0, 40))).toBeUndefined();
  });
});
