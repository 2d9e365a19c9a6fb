import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { jobKeys } from "@/lib/jobs/job-api";
import { jobStream } from "@/lib/jobs/job-stream";
import { sessionKeys } from "@/lib/session";
import { batchKeys } from "./batch-api";

/**
 * Keeps batch views live in every tab: a batch's progress event refreshes that batch (and the lists); a change
 * of the waiting line's order (a drag in another tab) refreshes the line.
 */
export function useBatchEvents() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      jobStream.subscribeBatches((event) => {
        if (event.type === "line") {
          void queryClient.invalidateQueries({ queryKey: batchKeys.line() });
          return;
        }
        void queryClient.invalidateQueries({ queryKey: batchKeys.detail(event.batchId) });
        void queryClient.invalidateQueries({ queryKey: batchKeys.jobs(event.batchId) });
        void queryClient.invalidateQueries({ queryKey: batchKeys.list() });
        void queryClient.invalidateQueries({ queryKey: batchKeys.line() });
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        if (event.status !== "queued" && event.status !== "running")
          void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
      }),
    [queryClient],
  );
}
