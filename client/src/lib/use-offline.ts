import { useEffect, useState, useSyncExternalStore } from "react";
import { getStatus, observe, subscribeStatus, type SyncStatus } from "@/offline";

/** The sync status (online, pending, failed, last synced) for React, shared by every tab through Dexie. */
export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribeStatus, getStatus, getStatus);
}

/** A live Dexie query: re-runs whenever the tables it read change (in this tab or another). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the query depends on
  useEffect(() => observe(query, setValue), deps);
  return value;
}
