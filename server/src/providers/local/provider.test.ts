import { describe, expect, it } from "vitest";
import { ProviderError, type ProviderInput, type ProviderState, type ProviderStatus } from "../types";
import { LOCAL_MODELS } from "./models";
import { LocalProvider } from "./provider";
import { solidPng } from "./test-helpers";
import { renderTextToImage } from "./text-to-image";

const MODEL = "local/sketch";

function input(over: Partial<ProviderInput> = {}): ProviderInput {
  return {
    operation: "text-to-image",
    modelId: MODEL,
    prompt: "a forest at dawn",
    width: 64,
    height: 64,
    numImages: 1,
    seed: 42,
    steps: 20,
    extra: {},
    ...over,
  };
}

/** Polls status until the request settles; returns every status seen. */
async function follow(provider: LocalProvider, requestId: string, timeoutMs = 5000): Promise<ProviderStatus[]> {
  const seen: ProviderStatus[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await provider.status(MODEL, requestId);
    seen.push(s);
    if (s.state === "completed" || s.state === "failed" || s.state === "cancelled") return seen;
    if (Date.now() > deadline) throw new Error(`still ${s.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 3));
  }
}

async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe("LocalProvider", () => {
  it("serves local/… models only", () => {
    const provider = new LocalProvider();
    for (const m of LOCAL_MODELS) expect(provider.availability(m.id)).toEqual({ available: true });
    const other = provider.availability("fal-ai/flux/dev");
    expect(other.available).toBe(false);
    if (!other.available) expect(other.reason).toMatch(/FAL_KEY/);
  });

  it("runs a request: queued/running with rising progress, then completed with one image per seed", async () => {
    const provider = new LocalProvider({ stepMs: 4 });
    const { requestId } = await provider.submit(input({ numImages: 2 }));
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const seen = await follow(provider, requestId);
    const running = seen.filter((s) => s.state === "running").map((s) => s.progress ?? -1);
    expect(running.length).toBeGreaterThan(2);
    expect(running.every((p) => p >= 0 && p < 1)).toBe(true);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    expect(running.at(-1)!).toBeGreaterThan(running[0]!);
    expect(seen.at(-1)).toMatchObject({ state: "completed", progress: 1 });

    const result = await provider.result(MODEL, requestId);
    expect(result.seed).toBe(42);
    expect(result.inferenceSeconds).toBeGreaterThan(0);
    expect(result.images.map((i) => [i.contentType, i.width, i.height])).toEqual([
      ["image/png", 64, 64],
      ["image/png", 64, 64],
    ]);
    const second = await renderTextToImage({
      prompt: "a forest at dawn",
      seed: 43,
      width: 64,
      height: 64,
      steps: 20,
      fast: false,
    });
    expect(result.images[1]!.data.equals(second.data)).toBe(true);
    expect(result.images[0]!.data.equals(result.images[1]!.data)).toBe(false);
  });

  it("queues beyond its concurrency and reports queue positions", async () => {
    const provider = new LocalProvider({ stepMs: 3, concurrency: 1 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await provider.submit(input({ seed: i }))).requestId);
    expect((await provider.status(MODEL, ids[0]!)).state).toBe("running");
    expect(await provider.status(MODEL, ids[1]!)).toMatchObject({ state: "queued", queuePosition: 0 });
    expect(await provider.status(MODEL, ids[2]!)).toMatchObject({ state: "queued", queuePosition: 1 });
    const results = await Promise.all(ids.map((id) => provider.result(MODEL, id)));
    expect(results.map((r) => r.images.length)).toEqual([1, 1, 1]);
  });

  it("cancels queued and running requests; the others still finish", async () => {
    const provider = new LocalProvider({ stepMs: 20, concurrency: 1 });
    const running = (await provider.submit(input())).requestId;
    const queued = (await provider.submit(input({ seed: 2 }))).requestId;
    const after = (await provider.submit(input({ seed: 3 }))).requestId;
    await provider.cancel(MODEL, queued);
    expect((await provider.status(MODEL, queued)).state).toBe("cancelled");
    await provider.cancel(MODEL, running);
    const states: ProviderState[] = [(await provider.status(MODEL, running)).state];
    expect(states).toEqual(["cancelled"]);
    expect((await providerError(provider.result(MODEL, running))).retryable).toBe(false);
    await expect(provider.result(MODEL, after)).resolves.toMatchObject({ seed: 3 });
    expect((await provider.status(MODEL, running)).state).toBe("cancelled"); // the finished render did not revive it
  });

  it("fails with a validation error when a needed image is missing or unreadable", async () => {
    const provider = new LocalProvider({ stepMs: 1 });
    const cases: Partial<ProviderInput>[] = [
      { operation: "image-to-image" },
      { operation: "inpaint", sourceImage: await solidPng(64, 64, "#fff") },
      { operation: "upscale", sourceImage: Buffer.from("definitely not an image") },
      { operation: "text-to-image", width: 10 },
      { numImages: 5 },
    ];
    for (const c of cases) {
      const { requestId } = await provider.submit(input(c));
      expect((await follow(provider, requestId)).at(-1)?.state).toBe("failed");
      const err = await providerError(provider.result(MODEL, requestId));
      expect([err.kind, err.retryable], JSON.stringify(Object.keys(c))).toEqual(["validation", false]);
    }
  });

  it("maps every operation to a local render", async () => {
    const provider = new LocalProvider({ stepMs: 0 });
    const src = await solidPng(48, 40, "#ffffff", `<circle cx="24" cy="20" r="10" fill="#2050d0"/>`);
    const mask = await solidPng(48, 40, "#000", `<rect x="10" y="10" width="10" height="10" fill="#fff"/>`);
    const expected: [Partial<ProviderInput>, number, number][] = [
      [{ operation: "image-to-image", sourceImage: src, strength: 0.5 }, 48, 40],
      [{ operation: "variation", sourceImage: src }, 48, 40],
      [{ operation: "style-transfer", sourceImage: src, styleImage: mask }, 48, 40],
      [{ operation: "inpaint", modelId: "local/inpaint", sourceImage: src, maskImage: mask }, 48, 40],
      [
        {
          operation: "outpaint",
          modelId: "local/inpaint",
          sourceImage: src,
          extend: { top: 0, right: 16, bottom: 8, left: 0 },
        },
        64,
        48,
      ],
      [{ operation: "upscale", modelId: "local/upscale", sourceImage: src, scale: 2 }, 96, 80],
      [{ operation: "remove-background", modelId: "local/remove-background", sourceImage: src }, 48, 40],
    ];
    for (const [over, w, h] of expected) {
      const { requestId } = await provider.submit(input(over));
      const result = await provider.result(MODEL, requestId);
      expect([over.operation, result.images[0]!.width, result.images[0]!.height]).toEqual([over.operation, w, h]);
    }
  });

  it("answers not_found for unknown requests and for finished ones past retention", async () => {
    let clock = 1_000_000;
    const provider = new LocalProvider({ stepMs: 0, retainMs: 60_000, now: () => clock });
    for (const call of [
      provider.status(MODEL, "nope"),
      provider.result(MODEL, "nope"),
      provider.cancel(MODEL, "nope"),
    ]) {
      expect((await providerError(call)).kind).toBe("not_found");
    }
    const { requestId } = await provider.submit(input());
    await provider.result(MODEL, requestId);
    clock += 59_000;
    expect((await provider.status(MODEL, requestId)).state).toBe("completed");
    clock += 2_000;
    expect((await providerError(provider.status(MODEL, requestId))).kind).toBe("not_found");
  });

  it("keeps finished results within a byte budget, newest first", async () => {
    const provider = new LocalProvider({ stepMs: 0, maxRetainedBytes: 1 });
    const older = (await provider.submit(input())).requestId;
    await provider.result(MODEL, older);
    const newer = (await provider.submit(input({ seed: 9 }))).requestId;
    await provider.result(MODEL, newer);
    expect((await provider.status(MODEL, newer)).state).toBe("completed");
    expect((await providerError(provider.status(MODEL, older))).kind).toBe("not_found");
  });

  it("refuses new work when its queue is full", async () => {
    const provider = new LocalProvider({ stepMs: 50, concurrency: 1, maxQueued: 1 });
    const first = await provider.submit(input());
    const second = await provider.submit(input());
    const err = await providerError(provider.submit(input()));
    expect([err.kind, err.retryable]).toEqual(["rate_limited", true]);
    await Promise.all([first, second].map(({ requestId }) => provider.cancel(MODEL, requestId)));
  });
});
