import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Worker } from "../../src/jobs/worker";
import { createLogger } from "../../src/lib/logger";
import { instrumentJobs } from "../../src/modules/metrics/metrics.jobs";
import { waitFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";

describe("request ids reach the job's log lines", () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
    t.deps.log = createLogger("info", {}, (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  });
  afterAll(() => t.close());

  it("logs the queued job under the request's id, and the job's end under the same job and request ids", async () => {
    instrumentJobs(t.deps);
    const u = await signUp(t);
    const requestId = `req-${Date.now()}-trace`;
    const res = await jsonRequest(t, "/api/generate/text-to-image", {
      cookie: u.cookie,
      ip: u.ip,
      headers: { "X-Request-Id": requestId },
      body: {
        prompt: "a traced lighthouse",
        modelId: "local/sketch-fast",
        parameters: { width: 128, height: 128, numImages: 1 },
      },
    });
    expect(res.status).toBe(202);
    const jobId = ((await res.json()) as { id: string }).id;
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: "job queued", requestId, jobId, modelId: "local/sketch-fast" }),
    );

    const w = new Worker(t.deps, { concurrency: 1, userConcurrency: 2, leaseMs: 5000, pollMs: 20, idleMs: 50 });
    w.start();
    const ended = await waitFor(async () => lines.find((l) => l.msg === "job ended" && l.jobId === jobId));
    await w.stop(60_000);
    expect(ended).toMatchObject({ status: "completed", modelId: "local/sketch-fast", requestId });
  });
});
