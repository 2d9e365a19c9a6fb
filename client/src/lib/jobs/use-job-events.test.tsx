import type { Job, JobEventPayload } from "@image-studio/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type JobPage, jobKeys } from "./job-api";
import { useJobEvents } from "./use-job-events";

// The tab's one stream, replaced by a hand-driven one: tests push the events the server would send.
const stream = vi.hoisted(() => ({ listeners: new Set<(e: JobEventPayload) => void>() }));
vi.mock("./job-stream", () => ({
  jobStream: {
    connected: true,
    subscribe: (l: (e: JobEventPayload) => void) => {
      stream.listeners.add(l);
      return () => stream.listeners.delete(l);
    },
    onStatus: () => () => {},
  },
}));
const send = (event: JobEventPayload) => act(() => stream.listeners.forEach((l) => l(event)));

const ID = "00000000-0000-4000-8000-0000000000aa";
const job = { id: ID, status: "processing", progress: 0.2, imageIds: [], queuePosition: undefined } as unknown as Job;

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const page = (items: Job[]): JobPage => ({ items, nextCursor: null });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  renderHook(() => useJobEvents(), { wrapper });
  return {
    client,
    async load() {
      await client.fetchQuery({ queryKey: jobKeys.queue(100), queryFn: () => page([job]) });
      await client.fetchQuery({ queryKey: jobKeys.history(50), queryFn: () => page([]) });
    },
  };
}

afterEach(() => stream.listeners.clear());

describe("useJobEvents", () => {
  it("marks both lists stale when a listed job completes, even with no detail query for it", async () => {
    const { client, load } = setup();
    await load();
    send({ type: "progress", jobId: ID, progress: 0.6 });
    expect(client.getQueryData<JobPage>(jobKeys.queue(100))?.items[0]?.progress).toBe(0.6);
    expect(client.getQueryState(jobKeys.history(50))?.isInvalidated).toBe(false);

    send({ type: "completed", jobId: ID, imageIds: ["img"] });
    expect(client.getQueryData<JobPage>(jobKeys.queue(100))?.items[0]?.status).toBe("completed");
    expect(client.getQueryState(jobKeys.queue(100))?.isInvalidated).toBe(true);
    expect(client.getQueryState(jobKeys.history(50))?.isInvalidated).toBe(true);
  });

  it("marks the lists stale for a job queued elsewhere, and for one that starts unlisted", async () => {
    const { client, load } = setup();
    await load();
    send({ type: "queued", jobId: "00000000-0000-4000-8000-0000000000bb" });
    expect(client.getQueryState(jobKeys.history(50))?.isInvalidated).toBe(true);

    await load();
    send({ type: "started", jobId: ID });
    expect(client.getQueryState(jobKeys.queue(100))?.isInvalidated).toBe(false);
    send({ type: "started", jobId: "00000000-0000-4000-8000-0000000000cc" });
    expect(client.getQueryState(jobKeys.queue(100))?.isInvalidated).toBe(true);
  });
});
