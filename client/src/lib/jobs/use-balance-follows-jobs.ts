import type { Job } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { sessionKeys } from "@/lib/session";
import { jobKeys } from "./job-api";
import { jobStream } from "./job-stream";
import { isActive, isTerminal } from "./job-state";

/** True when a cached job moved from waiting/running to finished: its credits were charged or refunded. */
export function settledCredits(before: Job["status"] | undefined, after: Job["status"]): boolean {
  return isActive(before) && isTerminal(after);
}

/** Job events that move credits: a hold when queued, a charge or refund when it ends. */
const MOVES_CREDITS = new Set(["queued", "completed", "failed", "cancelled"]);

/** Query keys whose data follows the balance: the session (top bar) and the usage and credit figures. */
export const BALANCE_KEYS = [sessionKeys.me, ["credits"], ["usage"], ["dashboard"]] as const;

/**
 * Keeps the credit balance in the top bar current: whichever screen follows a job (the studio, the queue, an
 * image's in-place iterations) and however it learns of the end (the event stream or polling), a job that
 * finishes settles its credits, so the balance is fetched again. The event stream is followed too, so a job
 * queued or finished in another tab or on another device moves the balance here.
 */
export function useBalanceFollowsJobs() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const seen = new Map<string, Job["status"]>();
    const detail = jobKeys.detail("").slice(0, 2).join("/");
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Several events in a burst (a batch finishing) refetch once.
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const queryKey of BALANCE_KEYS) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
      }, 300);
    };
    const stopCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      if (event.query.queryKey.slice(0, 2).join("/") !== detail) return;
      const job = event.query.state.data as Job | undefined;
      if (!job) return;
      const before = seen.get(job.id);
      seen.set(job.id, job.status);
      if (settledCredits(before, job.status)) refresh();
    });
    const stopStream = jobStream.subscribe((event) => {
      if (MOVES_CREDITS.has(event.type)) refresh();
    });
    return () => {
      clearTimeout(timer);
      stopCache();
      stopStream();
    };
  }, [queryClient]);
}
