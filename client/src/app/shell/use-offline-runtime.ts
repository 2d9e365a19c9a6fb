import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { toast } from "sonner";
import { i18n } from "@/i18n";
import { modelsQuery } from "@/lib/models";
import { jobKeys } from "@/lib/jobs/job-api";
import { onSyncReport, requestPersistence, type SyncReport, startOffline, stopOffline } from "@/offline";

/**
 * Starts the offline runtime for the signed-in user (sync on start, reconnect, focus and after each change),
 * asks the browser to keep the data, and turns sync results into fresh queries and toasts.
 */
export function useOfflineRuntime(user: { id: string; email: string; name: string } | undefined) {
  const qc = useQueryClient();
  const userId = user?.id;
  useEffect(() => {
    if (!userId || !user) return;
    void startOffline(user);
    void requestPersistence();
    // The studio's catalogue is kept on the device (see modelsQuery), so generations can be queued offline.
    if (navigator.onLine) void qc.prefetchQuery(modelsQuery);
    const off = onSyncReport((r) => refreshAfterSync(qc, r));
    return () => {
      off();
      stopOffline();
    };
    // Restart only when the account changes, not on every session refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, qc]);
}

function refreshAfterSync(qc: QueryClient, r: SyncReport) {
  if (r.pushed || r.pulled) {
    // Long gallery lists are marked stale rather than refetched page by page; small views refresh now.
    void qc.invalidateQueries({ queryKey: ["images", "list"], refetchType: "none" });
    void qc.invalidateQueries({ queryKey: ["images", "facets"] });
    void qc.invalidateQueries({ queryKey: ["collections"] });
    void qc.invalidateQueries({ queryKey: ["projects"] });
    void qc.invalidateQueries({ queryKey: jobKeys.all });
  }
  if (r.unhandled.length) {
    const first = r.unhandled[0]!;
    toast.error(i18n.t("shell:sync.unhandled", { count: r.unhandled.length }), {
      description: i18n.t("shell:sync.unhandledDescription", { reason: first.error?.message ?? i18n.t("shell:sync.refusedFallback") }),
    });
    void qc.invalidateQueries({ queryKey: ["images"] });
  }
}
