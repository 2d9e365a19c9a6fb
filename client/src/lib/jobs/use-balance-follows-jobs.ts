import type { Job } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { sessionKeys } from "@/lib/session";
import { jobKeys } from "./job-api";
import { isActive, isTerminal } from "./job-state";

/** True when a cached job moved from waiting/running to finished: its credits were charged or refunded. */
export function settledCredits(before: Job["status"] | undefined, after: Job["status"]): boolean {
  return isActive(before) && isTerminal(after);
}

/**
 * Keeps the credit balance in the top bar current: whichever screen follows a job (the studio, the queue, an
 * image's in-place iterations) and however it learns of the end (the event stream or polling), a job that
 * finishes settles its credits, so the balance is fetched again.
 */
export function useBalanceFollowsJobs() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const seen = new Map<string, Job["status"]>();
    const detail = jobKeys.detail("").slice(0, 2).join("/");
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      if (event.query.queryKey.slice(0, 2).join("/") !== detail) return;
      const job = event.query.state.data as Job | undefined;
      if (!job) return;
      const before = seen.get(job.id);
      seen.set(job.id, job.status);
      if (settledCredits(before, job.status)) void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
    });
  }, [queryClient]);
}
