import { liveQuery } from "dexie";
import { db, type OutboxEntry } from "./db";
import { failedEntries, pendingCount } from "./outbox";

/**
 * What the shell shows about sync, as a tiny store: `subscribe(fn)` + `getStatus()` (the shape
 * useSyncExternalStore wants). Outbox and sync bookkeeping come from a Dexie liveQuery, so every tab sees the
 * same numbers whichever tab pushed.
 */

export interface SyncStatus {
  online: boolean;
  running: boolean;
  pending: number;
  failed: OutboxEntry[];
  lastSyncedAt: number | null;
  lastError: string | null;
}

let status: SyncStatus = {
  online: typeof navigator === "undefined" || navigator.onLine !== false,
  running: false,
  pending: 0,
  failed: [],
  lastSyncedAt: null,
  lastError: null,
};
const listeners = new Set<() => void>();
let unwatch: (() => void) | null = null;

export function setStatus(patch: Partial<SyncStatus>) {
  status = { ...status, ...patch };
  for (const fn of [...listeners]) fn();
}

export const getStatus = () => status;

function watch() {
  const sub = liveQuery(async () => {
    const [pending, failed, meta] = await Promise.all([pendingCount(), failedEntries(), db().syncMeta.get("sync")]);
    return { pending, failed, lastSyncedAt: meta?.lastSyncedAt ?? null, lastError: meta?.lastError ?? null };
  }).subscribe({ next: setStatus, error: () => undefined });
  return () => sub.unsubscribe();
}

export function subscribeStatus(fn: () => void): () => void {
  listeners.add(fn);
  unwatch ??= watch();
  return () => {
    listeners.delete(fn);
    if (!listeners.size) {
      unwatch?.();
      unwatch = null;
    }
  };
}

/** Any Dexie query as a subscription (for React: wrap in useSyncExternalStore or an effect). */
export function observe<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
  const sub = liveQuery(query).subscribe({ next, error: () => undefined });
  return () => sub.unsubscribe();
}
