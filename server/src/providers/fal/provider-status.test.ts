/**
 * Queue life cycle and failures through the real client and the fake: status progression, cancel, and how
 * fal errors reach the worker (kind, message, retryable).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CONTENT_POLICY_DETAIL, type FakeFal, startFakeFal } from "../../../test/fake-fal";
import { providerInput, runToCompletion, waitForState } from "../../../test/fake-fal/helpers";
import { ProviderError } from "../types";
import { FalProvider } from "./provider";

let fake: FakeFal;
let fal: FalProvider;
const dev = "fal-ai/flux/dev";

beforeAll(async () => {
  fake = await startFakeFal();
  fal = new FalProvider({ key: fake.key, queueUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.clearFailures();
  fake.setDelays({ autoAdvance: true, queueMs: 0, processMs: 0 });
});

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

describe("status and cancel", () => {
  it("goes queued (with queue position) → running (with logs) → completed", async () => {
    fake.setDelays({ autoAdvance: false });
    const first = await fal.submit(providerInput(dev, "text-to-image"));
    const second = await fal.submit(providerInput(dev, "text-to-image"));
    expect(await fal.status(dev, first.requestId)).toEqual({ state: "queued", queuePosition: 0 });
    expect(await fal.status(dev, second.requestId)).toEqual({ state: "queued", queuePosition: 1 });
    await fake.advance(first.requestId);
    expect(await fal.status(dev, first.requestId)).toEqual({ state: "running", logs: ["Generating images"] });
    expect(await fal.status(dev, second.requestId)).toEqual({ state: "queued", queuePosition: 0 });
    await fake.advance(first.requestId);
    expect(await fal.status(dev, first.requestId)).toMatchObject({ state: "completed", progress: 1 });
    expect((await fal.result(dev, first.requestId)).images).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path.endsWith("/status")).every((r) => r.query.logs === "1")).toBe(true);
  });

  it("cancels a queued request; its result then reports the cancellation", async () => {
    fake.setDelays({ autoAdvance: false });
    const { requestId } = await fal.submit(providerInput(dev, "text-to-image"));
    await fal.cancel(dev, requestId);
    expect(
      fake.requests.some((r) => r.method === "PUT" && r.path === `/fal-ai/flux/requests/${requestId}/cancel`),
    ).toBe(true);
    expect((await fal.status(dev, requestId)).state).toBe("completed");
    const err = await failure(fal.result(dev, requestId));
    expect(err).toMatchObject({ kind: "internal", retryable: false, message: "The fal.ai request was cancelled." });
  });

  it("treats cancelling a finished or unknown request as done", async () => {
    const { requestId } = await runToCompletion(fal, providerInput(dev, "text-to-image"));
    await expect(fal.cancel(dev, requestId)).resolves.toBeUndefined(); // fal: 400 ALREADY_COMPLETED
    await expect(fal.cancel(dev, "00000000-0000-0000-0000-000000000000")).resolves.toBeUndefined(); // 404
  });

  it("an unknown request id is not_found (the worker resubmits)", async () => {
    const err = await failure(fal.status(dev, "00000000-0000-0000-0000-000000000000"));
    expect(err).toMatchObject({ kind: "not_found", retryable: false });
  });
});

describe("errors", () => {
  it("401: a wrong key", async () => {
    const wrong = new FalProvider({ key: "nope:nope", queueUrl: fake.url });
    const err = await failure(wrong.submit(providerInput(dev, "text-to-image")));
    expect(err).toMatchObject({ kind: "auth", retryable: false });
    expect(err.message).toMatch(/rejected the API key/);
  });

  it("403: exhausted balance, with the top-up hint", async () => {
    fake.failNext({ at: "submit", status: 403 });
    const err = await failure(fal.submit(providerInput(dev, "text-to-image")));
    expect(err).toMatchObject({
      kind: "balance",
      retryable: false,
      message: "fal.ai balance exhausted — top up at fal.ai/dashboard/billing",
    });
  });

  it("404 at submit: unknown application", async () => {
    fake.failNext({ at: "submit", status: 404, body: { detail: "Application 'flux' not found" } });
    const err = await failure(fal.submit(providerInput(dev, "text-to-image")));
    expect(err).toMatchObject({ kind: "not_found", retryable: false });
    expect(err.message).toBe(
      `fal.ai does not know the model endpoint "fal-ai/flux/dev" (Application 'flux' not found)`,
    );
  });

  it("422 at result time: the detail list becomes field messages with our names; status still said completed", async () => {
    fake.failNext({
      at: "job",
      status: 422,
      body: {
        detail: [
          {
            loc: ["body", "num_inference_steps"],
            msg: "ensure this value is less than or equal to 12",
            type: "value_error.number.not_le",
            ctx: { limit_value: 12 },
          },
        ],
      },
    });
    const { requestId } = await fal.submit(providerInput(dev, "text-to-image"));
    await waitForState(fal, dev, requestId, "completed");
    const err = await failure(fal.result(dev, requestId));
    expect(err).toMatchObject({
      kind: "validation",
      retryable: false,
      message: "fal.ai rejected the request — steps: ensure this value is less than or equal to 12",
    });
    expect((err.details as { fields: unknown[] }).fields).toEqual([
      {
        field: "steps",
        falField: "num_inference_steps",
        message: "ensure this value is less than or equal to 12",
        type: "value_error.number.not_le",
      },
    ]);
  });

  it("422 from the fake's own input checks (too many images for AuraFlow)", async () => {
    const err = await failure(
      runToCompletion(fal, { ...providerInput("fal-ai/aura-flow", "text-to-image"), numImages: 3 }),
    );
    expect(err.kind).toBe("validation");
    expect(err.message).toBe("fal.ai rejected the request — numImages: ensure this value is less than or equal to 2");
  });

  it("422 content_policy_violation is its own kind", async () => {
    const err = await failure(
      runToCompletion(fal, providerInput(dev, "text-to-image", {}, { prompt: "[fake:content-policy] something" })),
    );
    expect(err).toMatchObject({ kind: "content_policy", retryable: false });
    fake.failNext({ at: "result", status: 422, body: CONTENT_POLICY_DETAIL });
    const again = await failure(runToCompletion(fal, providerInput(dev, "text-to-image")));
    expect(again.kind).toBe("content_policy");
  });

  it("500 on result (not retried by the client) is retryable for the worker", async () => {
    fake.failNext({ at: "result", status: 500 });
    const { requestId } = await fal.submit(providerInput(dev, "text-to-image"));
    await waitForState(fal, dev, requestId, "completed");
    const err = await failure(fal.result(dev, requestId));
    expect(err).toMatchObject({ kind: "unavailable", retryable: true });
    expect((await fal.result(dev, requestId)).images).toHaveLength(1); // the next attempt works
  });
});

describe("the client's built-in retries (fake timers)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Lets the client's backoff sleeps (global setTimeout, faked) pass while real sockets keep working. */
  async function drive<T>(p: Promise<T>): Promise<T> {
    let settled = false;
    void p.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await vi.advanceTimersByTimeAsync(1000);
      await new Promise((r) => setImmediate(r));
    }
    return p;
  }

  it("429 at submit is retried by the client and then succeeds", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    fake.failNext({ at: "submit", status: 429, times: 2 });
    const { requestId } = await drive(fal.submit(providerInput(dev, "text-to-image")));
    expect(requestId).toBeTruthy();
    expect(fake.requests.filter((r) => r.method === "POST").length).toBe(3);
  });

  it("429 beyond the client's retries becomes a retryable rate_limited error", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    fake.failNext({ at: "submit", status: 429, times: 10 });
    const err = await drive(failure(fal.submit(providerInput(dev, "text-to-image"))));
    expect(err).toMatchObject({ kind: "rate_limited", retryable: true });
    expect(fake.requests.filter((r) => r.method === "POST").length).toBe(4); // 1 + 3 retries
  });

  it("503 on status is retried up to five times, then unavailable (retryable)", async () => {
    const { requestId } = await runToCompletion(fal, providerInput(dev, "text-to-image"));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    fake.requests.length = 0;
    fake.failNext({ at: "status", status: 503, times: 6 });
    const err = await drive(failure(fal.status(dev, requestId)));
    expect(err).toMatchObject({ kind: "unavailable", retryable: true });
    expect(fake.requests.filter((r) => r.path.endsWith("/status")).length).toBe(6);
  });
});
