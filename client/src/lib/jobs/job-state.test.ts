import type { Job } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { estimateRemainingSeconds, formatDuration, typicalRunSeconds } from "./eta";
import { applyJobEvent, listsNeedRefetch, mergeStatus, progressPercent, requestedImages } from "./job-state";

const ID = "00000000-0000-4000-8000-000000000001";
const job = (over: Partial<Job> = {}): Job => ({
  id: ID,
  status: "pending",
  operation: "text-to-image",
  modelId: "local/sketch",
  prompt: "p",
  negativePrompt: "",
  parameters: { numImages: 2, width: 512, height: 512, seed: 5 },
  projectId: null,
  parentImageId: null,
  batchId: null,
  clientId: null,
  priority: 0,
  progress: 0,
  queuePosition: 2,
  imageIds: [],
  errorMessage: null,
  retryCount: 0,
  creditsHeld: 0,
  creditsCharged: 0,
  createdAt: "2026-11-24T10:00:00.000Z",
  startedAt: null,
  completedAt: null,
  ...over,
});

describe("applyJobEvent", () => {
  it("follows a job from queued to completed", () => {
    let j = job();
    j = applyJobEvent(j, { type: "started", jobId: ID });
    expect(j.status).toBe("processing");
    expect(j.queuePosition).toBeUndefined();
    j = applyJobEvent(j, { type: "progress", jobId: ID, progress: 0.4 });
    expect(progressPercent(j)).toBe(40);
    j = applyJobEvent(j, { type: "progress", jobId: ID, progress: 0.3 });
    expect(j.progress).toBe(0.4);
    j = applyJobEvent(j, { type: "completed", jobId: ID, imageIds: ["a", "b"] });
    expect(j).toMatchObject({ status: "completed", progress: 1, imageIds: ["a", "b"] });
  });

  it("never revives a finished job, ignores other jobs' events, and keeps retried failures queued", () => {
    const done = job({ status: "cancelled" });
    expect(applyJobEvent(done, { type: "progress", jobId: ID, progress: 0.5 })).toBe(done);
    expect(applyJobEvent(job(), { type: "started", jobId: "other" }).status).toBe("pending");
    expect(applyJobEvent(job({ status: "processing" }), { type: "failed", jobId: ID, errorMessage: "x", willRetry: true }).status).toBe("pending");
    expect(applyJobEvent(job({ status: "processing" }), { type: "failed", jobId: ID, errorMessage: "boom", willRetry: false })).toMatchObject({ status: "failed", errorMessage: "boom" });
  });

  it("merges polled status and counts requested images", () => {
    const merged = mergeStatus(job({ status: "processing", progress: 0.5 }), { id: ID, status: "processing", progress: 0.2, imageIds: [], errorMessage: null });
    expect(merged.progress).toBe(0.5);
    expect(requestedImages(job())).toBe(2);
    expect(progressPercent(job())).toBeNull();
  });
});

describe("eta", () => {
  const history = [10, 20, 30].map((s, i) =>
    job({ id: `00000000-0000-4000-8000-00000000001${i}`, status: "completed", startedAt: "2026-11-24T10:00:00.000Z", completedAt: new Date(Date.parse("2026-11-24T10:00:00.000Z") + s * 1000).toISOString() }),
  );
  const typical = typicalRunSeconds(history);
  const input = { typical, speedOf: () => 5, now: Date.parse("2026-11-24T10:00:10.000Z") };

  it("uses the median run time of the model's recent jobs", () => {
    expect(typical.get("local/sketch")).toBe(20);
  });
  it("counts the jobs ahead of a waiting job, and the progress left of a running one", () => {
    expect(estimateRemainingSeconds(job({ queuePosition: 2 }), input)).toBe(60);
    expect(estimateRemainingSeconds(job({ status: "processing", progress: 0.5, startedAt: "2026-11-24T10:00:00.000Z", queuePosition: undefined }), input)).toBe(10);
    expect(estimateRemainingSeconds(job({ status: "completed" }), input)).toBeNull();
  });
  it("falls back to the model's speed without history", () => {
    expect(estimateRemainingSeconds(job({ modelId: "x", queuePosition: 0 }), { ...input, typical: new Map(), speedOf: () => 3 })).toBe(12);
  });
  it("formats durations", () => {
    expect(formatDuration(4.2)).toBe("about 4 s");
    expect(formatDuration(150)).toBe("about 3 min");
  });
});

describe("listsNeedRefetch", () => {
  it("refetches the lists when a job joins them or leaves the queue for the history", () => {
    expect(listsNeedRefetch({ type: "queued", jobId: ID }, false)).toBe(true);
    expect(listsNeedRefetch({ type: "completed", jobId: ID, imageIds: [] }, true)).toBe(true);
    expect(listsNeedRefetch({ type: "cancelled", jobId: ID }, true)).toBe(true);
    expect(listsNeedRefetch({ type: "failed", jobId: ID, errorMessage: "x", willRetry: false }, true)).toBe(true);
  });

  it("patches listed rows in place for progress, position and retried failures", () => {
    expect(listsNeedRefetch({ type: "progress", jobId: ID, progress: 0.5 }, true)).toBe(false);
    expect(listsNeedRefetch({ type: "position", jobId: ID, queuePosition: 1 }, true)).toBe(false);
    expect(listsNeedRefetch({ type: "failed", jobId: ID, errorMessage: "x", willRetry: true }, true)).toBe(false);
    expect(listsNeedRefetch({ type: "started", jobId: ID }, true)).toBe(false);
  });

  it("fetches a job that starts before the lists knew of it", () => {
    expect(listsNeedRefetch({ type: "started", jobId: ID }, false)).toBe(true);
  });
});
