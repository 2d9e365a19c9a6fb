import type { Job, JobEventPayload } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { sessionKeys } from "@/lib/session";
import { type JobPage, jobKeys } from "./job-api";
import { applyJobEvent, endsJob, isTerminal, listsNeedRefetch } from "./job-state";
import { jobStream } from "./job-stream";

/**
 * Follows the user's jobs live while mounted: every event updates the cached job (detail and lists), finished
 * jobs are re-fetched for their final numbers, and new jobs (from another tab, say) refresh the lists.
 * Returns whether the live stream is up; when it is not, job queries poll.
 */
export function useJobEvents(onEvent?: (event: JobEventPayload) => void): boolean {
  const queryClient = useQueryClient();
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  useEffect(
    () =>
      jobStream.subscribe((event) => {
        const apply = (job: Job | undefined) => (job ? applyJobEvent(job, event) : job);
        queryClient.setQueryData<Job>(jobKeys.detail(event.jobId), apply);
        let listed = false;
        queryClient.setQueriesData<JobPage>({ queryKey: jobKeys.lists() }, (page) => {
          if (!page?.items.some((j) => j.id === event.jobId)) return page;
          listed = true;
          return { ...page, items: page.items.map((j) => (j.id === event.jobId ? applyJobEvent(j, event) : j)) };
        });
        // The lists are fetched again (not patched by hand) when a job joins or leaves them: a "queued" event
        // carries only the id, and a finished job moves from the queue to the history.
        if (listsNeedRefetch(event, listed)) void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        const known = queryClient.getQueryData<Job>(jobKeys.detail(event.jobId));
        if (known && isTerminal(known.status)) void queryClient.invalidateQueries({ queryKey: jobKeys.detail(event.jobId), exact: true });
        // Finished jobs settle credits (charge or refund): refresh the balance the top bar shows.
        if (endsJob(event)) void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
        handler.current?.(event);
      }),
    [queryClient],
  );
  return useSyncExternalStore(
    (cb) => jobStream.onStatus(cb),
    () => jobStream.connected,
    () => false,
  );
}
