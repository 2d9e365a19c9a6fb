/** Generation jobs over HTTP: query options and mutations shared by the studio and the queue page. */
import type { Job, JobStatusView } from "@image-studio/shared";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import { isActive, isTerminal, mergeStatus } from "./job-state";

export interface JobPage {
  items: Job[];
  nextCursor: string | null;
}

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => ["jobs", "list"] as const,
  queue: (limit: number) => ["jobs", "list", "queue", limit] as const,
  history: (limit: number) => ["jobs", "list", "history", limit] as const,
  detail: (id: string) => ["jobs", "detail", id] as const,
};

const Q = rpc.generate.queue[":id"];

export const fetchJob = (id: string): Promise<Job> => call(Q.$get({ param: { id } }));

/**
 * One job, kept fresh: while it is active the cheap /status endpoint is polled and merged in (the SSE stream
 * updates it in between); the full view is fetched when it first appears and once it has finished.
 */
export function jobQuery(queryClient: QueryClient, id: string, opts: { live: boolean }) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: async () => {
      const known = queryClient.getQueryData<Job>(jobKeys.detail(id));
      if (!known || !isActive(known.status)) return fetchJob(id);
      const status: JobStatusView = await call(Q.status.$get({ param: { id } }));
      return isTerminal(status.status) ? fetchJob(id) : mergeStatus(known, status);
    },
    staleTime: (q) => (q.state.data && isTerminal(q.state.data.status) ? Infinity : 0),
    // Waiting jobs poll for their queue position (the stream does not carry it); running jobs poll only
    // when the live stream is down.
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (status === "pending") return opts.live ? 5_000 : 2_000;
      if (status === "processing") return opts.live ? 15_000 : 1_500;
      return false;
    },
  });
}

export function queueQuery(limit = 100) {
  return queryOptions({
    queryKey: jobKeys.queue(limit),
    queryFn: (): Promise<JobPage> => call(rpc.generate.queue.$get({ query: { limit: String(limit) } })),
    staleTime: 5_000,
  });
}

export function historyQuery(limit = 50) {
  return queryOptions({
    queryKey: jobKeys.history(limit),
    queryFn: (): Promise<JobPage> => call(rpc.generate.history.$get({ query: { limit: String(limit) } })),
    staleTime: 10_000,
  });
}

export const cancelJob = (id: string): Promise<Job> => call(Q.$delete({ param: { id } }));
export const retryJob = (id: string): Promise<Job> => call(Q.retry.$post({ param: { id } }));

/** Puts a job the server just returned into the cache (detail + any list that holds it). */
export function storeJob(queryClient: QueryClient, job: Job) {
  queryClient.setQueryData(jobKeys.detail(job.id), job);
  queryClient.setQueriesData<JobPage>({ queryKey: jobKeys.lists() }, (page) =>
    page && page.items.some((j) => j.id === job.id) ? { ...page, items: page.items.map((j) => (j.id === job.id ? job : j)) } : page,
  );
}
