/** The fake itself speaks fal's protocol (reference §2, §7) — checked with raw HTTP and the client's proxy mode. */
import { createFalClient } from "@fal-ai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeFal, startFakeFal } from ".";

let fake: FakeFal;
const auth = { authorization: "Key test-id:test-secret", "content-type": "application/json" };

beforeAll(async () => {
  fake = await startFakeFal({ autoAdvance: false });
});
afterAll(() => fake.close());

const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(`${fake.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
const get = (path: string) => fetch(`${fake.url}${path}`, { headers: auth });

describe("fake fal queue protocol", () => {
  it("401s without a valid key, with fal's body", async () => {
    const res = await post("/fal-ai/flux/dev", { prompt: "x" }, { "content-type": "application/json" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ detail: "No user found for Key ID and Secret" });
  });

  it("submit → status 202 (queue_position) → 200 COMPLETED → result with x-fal-request-id; ids live under owner/app", async () => {
    const submit = await post("/fal-ai/flux/dev?fal_webhook=http%3A%2F%2Fexample.com%2Fhook", {
      prompt: "x",
      image_size: "square",
    });
    expect(submit.status).toBe(200);
    const s = (await submit.json()) as {
      request_id: string;
      status: string;
      status_url: string;
      response_url: string;
      queue_position: number;
    };
    expect(s).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
    expect(s.status_url).toBe(`${fake.url}/fal-ai/flux/requests/${s.request_id}/status`);
    expect(fake.submits().at(-1)?.webhook).toBe("http://example.com/hook");

    const queued = await get(`/fal-ai/flux/requests/${s.request_id}/status?logs=1`);
    expect(queued.status).toBe(202);
    expect(await queued.json()).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
    expect((await get(`/fal-ai/flux/requests/${s.request_id}`)).status).toBe(400); // still in progress

    await fake.advance(s.request_id);
    const running = await get(`/fal-ai/flux/requests/${s.request_id}/status?logs=1`);
    expect(running.status).toBe(202);
    expect(await running.json()).toMatchObject({
      status: "IN_PROGRESS",
      logs: [{ message: "Generating images", level: "INFO" }],
    });

    await fake.advance(s.request_id);
    const done = await get(`/fal-ai/flux/requests/${s.request_id}/status?logs=0`);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      status: "COMPLETED",
      logs: null,
      metrics: { inference_time: expect.any(Number) },
    });

    const result = await get(`/fal-ai/flux/requests/${s.request_id}`);
    expect(result.headers.get("x-fal-request-id")).toBe(s.request_id);
    const out = (await result.json()) as { images: { url: string; width: number; height: number }[] };
    expect(out.images[0]).toMatchObject({ width: 512, height: 512 });
    const file = await fetch(out.images[0]!.url);
    expect(file.headers.get("content-type")).toBe("image/jpeg");

    // the same id under another app is unknown
    expect((await get(`/fal-ai/flux-pro/requests/${s.request_id}/status`)).status).toBe(404);
  });

  it("cancel: 202 while queued, 400 ALREADY_COMPLETED, 404 NOT_FOUND", async () => {
    const { request_id: id } = (await (await post("/fal-ai/fast-sdxl", { prompt: "x" })).json()) as {
      request_id: string;
    };
    const put = (rid: string) =>
      fetch(`${fake.url}/fal-ai/fast-sdxl/requests/${rid}/cancel`, { method: "PUT", headers: auth });
    const first = await put(id);
    expect([first.status, await first.json()]).toEqual([202, { status: "CANCELLATION_REQUESTED" }]);
    const again = await put(id);
    expect([again.status, await again.json()]).toEqual([400, { status: "ALREADY_COMPLETED" }]);
    const unknown = await put("nope");
    expect([unknown.status, await unknown.json()]).toEqual([404, { status: "NOT_FOUND" }]);
  });

  it("unknown applications 404 at submit; injected failures answer once", async () => {
    const res = await post("/fal-ai/veo-3", { prompt: "x" });
    expect([res.status, await res.json()]).toEqual([404, { detail: "Application 'veo-3' not found" }]);
    fake.failNext({ at: "submit", status: 503 });
    expect((await post("/fal-ai/flux/dev", { prompt: "x" })).status).toBe(503);
    expect((await post("/fal-ai/flux/dev", { prompt: "x" })).status).toBe(200);
  });

  it("serves its JWKS", async () => {
    const jwks = (await (await fetch(fake.jwksUrl)).json()) as { keys: { kty: string; crv: string; x: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", x: expect.any(String) });
  });

  it("accepts the client's proxy style (x-fal-target-url) too", async () => {
    fake.setDelays({ autoAdvance: true });
    const client = createFalClient({
      credentials: fake.key,
      proxyUrl: { url: `${fake.url}/fal-proxy`, when: "always" },
    });
    const submitted = await client.queue.submit("fal-ai/flux/schnell", {
      input: { prompt: "x", image_size: "square" },
    });
    const final = await client.queue.subscribeToStatus("fal-ai/flux/schnell", {
      requestId: submitted.request_id,
      pollInterval: 10,
    });
    expect(final.status).toBe("COMPLETED");
    const { data, requestId } = await client.queue.result("fal-ai/flux/schnell", { requestId: submitted.request_id });
    expect(requestId).toBe(submitted.request_id);
    expect((data as { images: unknown[] }).images).toHaveLength(1);
    expect(
      fake.requests.some((r) => r.headers["x-fal-target-url"]?.startsWith("https://queue.fal.run/fal-ai/flux/schnell")),
    ).toBe(true);
    fake.setDelays({ autoAdvance: false });
  });
});
