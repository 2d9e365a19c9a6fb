import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJobById } from "../../src/jobs/queue.repo";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { instrumentJobs } from "../../src/modules/metrics/metrics.jobs";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";
import { makePng, storeImage } from "../images/fixtures";

const TOKEN = "metrics-token-0123456789abcdef";

/** The value of one sample, e.g. value(text, 'image_studio_http_requests_total{method="GET",…}'); undefined when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

describe("GET /metrics", () => {
  let t: TestApp;
  const scrape = async (auth = `Bearer ${TOKEN}`) => t.request("/metrics", { headers: { Authorization: auth } });
  beforeAll(async () => {
    // Its own database: the worker below would claim other test files' waiting jobs on a shared one.
    t = await createTestApp({ METRICS_TOKEN: TOKEN }, { ownDatabase: true });
  });
  afterAll(() => t.close());

  it("is a 404 while no METRICS_TOKEN is set", async () => {
    const plain = await createTestApp();
    expect((await plain.request("/metrics")).status).toBe(404);
    expect((await plain.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    await plain.close();
  });

  it("refuses a missing or wrong token with 401 and shows nothing", async () => {
    for (const auth of ["", "Bearer nope", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await scrape(auth);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("image_studio_");
    }
  });

  it("counts requests by route pattern, never by raw path", async () => {
    const id = randomUUID();
    await t.request(`/api/images/${id}`);
    await t.request("/api/health/live"); // always 200 (the full report may be 503 on a shared test database)
    const text = await (await scrape()).text();
    expect(
      value(text, "image_studio_http_requests_total", { method: "GET", route: "/api/images/:id", status: "401" }),
    ).toBe(1);
    expect(
      value(text, "image_studio_http_requests_total", { route: "/api/health/live", status: "200" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(text, "image_studio_http_request_duration_seconds_count", { method: "GET", route: "/api/health/live" }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
  });

  it("counts sync pulls and pushes", async () => {
    const u = await signUp(t);
    expect((await jsonRequest(t, "/api/sync/pull", { cookie: u.cookie, ip: u.ip })).status).toBe(200);
    const text = await (await scrape()).text();
    expect(value(text, "image_studio_sync_requests_total", { direction: "pull", status: "200" })).toBe(1);
  });

  it("reports queue depth, the oldest waiting job and stored bytes from the database", async () => {
    const user = await createUser(t.deps, { credits: 1000 });
    const ctx = ctxFor(t.deps, user);
    for (const p of ["one", "two"]) {
      await generation.enqueue(ctx, {
        operation: "text-to-image",
        prompt: p,
        negativePrompt: "",
        modelId: "local/sketch-fast",
        parameters: { width: 128, height: 128, numImages: 1 },
      });
    }
    const text = await (await scrape()).text();
    expect(
      value(text, "image_studio_queue_jobs", { status: "pending", model: "local/sketch-fast" }),
    ).toBeGreaterThanOrEqual(2);
    expect(value(text, "image_studio_queue_oldest_pending_seconds")).toBeGreaterThanOrEqual(0);
    expect(value(text, "image_studio_queue_expired_leases")).toBeGreaterThanOrEqual(0);
    expect(value(text, "image_studio_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("reports the bytes of stored originals (refreshed at most once a minute, so on a fresh process here)", async () => {
    const fresh = await createTestApp({ METRICS_TOKEN: TOKEN });
    const user = await createUser(fresh.deps);
    const png = await makePng({ width: 64, height: 64 });
    await storeImage(fresh, user.id, png);
    const text = await (await fresh.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    expect(value(text, "image_studio_storage_bytes", { state: "live" })).toBeGreaterThanOrEqual(png.length);
    await fresh.close();
  });

  it("times the jobs this process ran by model and status, and counts engine errors", async () => {
    instrumentJobs(t.deps);
    // The process's counters are the process's: other test files in this process may have counted before.
    const errorsBefore =
      value(await (await scrape()).text(), "image_studio_provider_errors_total", { provider: "local", call: "status", kind: "not_found" }) ?? 0;
    const user = await createUser(t.deps, { credits: 1000 });
    const { job } = await generation.enqueue(ctxFor(t.deps, user), {
      operation: "text-to-image",
      prompt: "a timed lighthouse",
      negativePrompt: "",
      modelId: "local/sketch",
      parameters: { width: 128, height: 128, numImages: 1 },
    });
    const w = new Worker(t.deps, { concurrency: 4, userConcurrency: 4, leaseMs: 5000, pollMs: 20, idleMs: 50 });
    w.start();
    await waitFor(async () => (await getJobById(t.deps.database.db, job.id))?.status === "completed");
    await w.stop(60_000);
    await expect(t.deps.providers.forModel("local/sketch").status("local/sketch", randomUUID())).rejects.toThrow();
    const text = await waitFor(async () => {
      const s = await (await scrape()).text();
      return value(s, "image_studio_job_run_seconds_count", { model: "local/sketch", status: "completed" }) ? s : null;
    });
    expect(
      value(text, "image_studio_job_run_seconds_count", { model: "local/sketch", status: "completed" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(text, "image_studio_job_total_seconds_count", { model: "local/sketch", status: "completed" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(text, "image_studio_provider_errors_total", { provider: "local", call: "status", kind: "not_found" }),
    ).toBe(errorsBefore + 1);
  });
});
