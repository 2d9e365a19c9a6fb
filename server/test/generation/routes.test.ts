import { errorBodySchema, jobSchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Worker } from "../../src/jobs/worker";
import { waitFor } from "../factories";
import { createTestApp, signUp, type TestApp } from "../harness";

const json = (cookie: string, body: unknown, method = "POST") => ({
  method,
  headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000" },
  body: JSON.stringify(body),
});

describe("generation API", () => {
  let t: TestApp;
  let worker: Worker;
  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 2, pollMs: 20, idleMs: 50 });
  });
  afterAll(async () => {
    await worker.stop(2000);
    await t.close();
  });

  it("lists the catalog publicly, with engine availability", async () => {
    const res = await t.request("/api/models");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; available: boolean; unavailableReason?: string }[] };
    const local = items.find((m) => m.id === "local/sketch")!;
    expect(local.available).toBe(true);
    const flux = items.find((m) => m.id === "fal-ai/flux/dev")!;
    expect(flux.available).toBe(false);
    expect(flux.unavailableReason).toMatch(/FAL_KEY/);
    const one = await t.request("/api/models/fal-ai/flux/schnell");
    expect(((await one.json()) as { displayName: string }).displayName).toMatch(/schnell/i);
    expect((await t.request("/api/models/nope/nope")).status).toBe(404);
    const featured = (await (await t.request("/api/models/featured")).json()) as { items: unknown[] };
    expect(featured.items.length).toBeGreaterThan(0);
  });

  it("refuses anonymous requests with 401", async () => {
    const res = await t.request("/api/generate/text-to-image", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe("UNAUTHORIZED");
  });

  it("queues a generation with 202, streams its progress and completes it", async () => {
    const { cookie } = await signUp(t);
    const res = await t.request("/api/generate/text-to-image", json(cookie, { prompt: "a neon city at night", modelId: "local/sketch", parameters: { aspectRatio: "1:1", numImages: 1 }, clientId: "studio-click-0001" }));
    expect(res.status).toBe(202);
    const job = jobSchema.parse(await res.json());
    expect(job.status).toBe("pending");
    // The same clientId again is the same job.
    const again = jobSchema.parse(await (await t.request("/api/generate/text-to-image", json(cookie, { prompt: "a neon city at night", modelId: "local/sketch", clientId: "studio-click-0001" }))).json());
    expect(again.id).toBe(job.id);

    const events = await t.request("/api/generate/events", { headers: { cookie } });
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    const reader = events.body!.getReader();
    const seen: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buf = "";
      while (!seen.includes("completed")) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value);
        for (const m of buf.matchAll(/^event: (\w+)$/gm)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
      }
    })();
    worker.start();
    await Promise.race([reading, new Promise((r) => setTimeout(r, 15_000))]);
    await reader.cancel();
    expect(seen).toContain("completed");

    const status = await (await t.request(`/api/generate/queue/${job.id}/status`, { headers: { cookie } })).json();
    expect(status).toMatchObject({ id: job.id, status: "completed", progress: 1 });
    expect((status as { imageIds: string[] }).imageIds).toHaveLength(1);
    const history = (await (await t.request("/api/generate/history", { headers: { cookie } })).json()) as { items: { id: string }[] };
    expect(history.items.map((i) => i.id)).toContain(job.id);
  });

  it("answers 400 naming the parameter and its range", async () => {
    const { cookie } = await signUp(t);
    const res = await t.request("/api/generate/text-to-image", json(cookie, { prompt: "x", modelId: "local/sketch", parameters: { numImages: 12 } }));
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(body.error.details)).toContain("numImages");
    const empty = await t.request("/api/generate/text-to-image", json(cookie, { prompt: "  ", modelId: "local/sketch" }));
    expect(empty.status).toBe(400);
    const unknown = await t.request("/api/generate/text-to-image", json(cookie, { prompt: "a cat", modelId: "fal-ai/flux/dev" }));
    expect(unknown.status).toBe(503);
    expect(errorBodySchema.parse(await unknown.json()).error.message).toMatch(/FAL_KEY/);
  });

  it("estimates cost against the balance", async () => {
    const { cookie } = await signUp(t);
    const res = await t.request("/api/generate/estimate", json(cookie, { modelId: "local/sketch", parameters: { numImages: 3 } }));
    expect(res.status).toBe(200);
    const est = (await res.json()) as { credits: number; balance: number; affordable: boolean };
    expect(est.affordable).toBe(true);
    expect(est.balance).toBeGreaterThan(0);
  });

  it("keeps jobs private: another user's job is a 404", async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const job = jobSchema.parse(await (await t.request("/api/generate/text-to-image", json(a.cookie, { prompt: "mine", modelId: "local/sketch" }))).json());
    for (const [path, method] of [[`/api/generate/queue/${job.id}/status`, "GET"], [`/api/generate/queue/${job.id}`, "DELETE"], [`/api/generate/queue/${job.id}/retry`, "POST"]] as const) {
      const res = await t.request(path, { method, headers: { cookie: b.cookie, origin: "http://localhost:3000" } });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    await waitFor(async () => true);
  });

  it("lets only admins toggle models", async () => {
    const { cookie } = await signUp(t);
    const res = await t.request("/api/admin/models/local/sketch-fast/toggle", json(cookie, {}, "PUT"));
    expect([403, 404]).toContain(res.status);
  });
});
