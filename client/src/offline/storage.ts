import { db } from "./db";

/** The browser's storage estimate and persistence, and wiping the device's copy. */

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export async function storageInfo(): Promise<StorageInfo> {
  const s = typeof navigator !== "undefined" ? navigator.storage : undefined;
  const est = s?.estimate ? await s.estimate().catch(() => undefined) : undefined;
  const persisted = s?.persisted ? await s.persisted().catch(() => null) : null;
  return { usage: est?.usage ?? null, quota: est?.quota ?? null, persisted };
}

/** Asks the browser to keep this site's data under storage pressure (it may say no, or ask the user). */
export async function requestPersistence(): Promise<boolean> {
  const s = typeof navigator !== "undefined" ? navigator.storage : undefined;
  if (!s?.persist) return false;
  try {
    return (await s.persisted?.()) || (await s.persist());
  } catch {
    return false;
  }
}

/**
 * Clears the offline copy: library, cached files, saved galleries and the sync cursor. The outbox (changes not
 * yet sent) is kept unless `dropUnsent` — the caller confirms that with the user first.
 */
export async function clearOfflineData({ dropUnsent = false } = {}): Promise<void> {
  const d = db();
  await d.transaction("rw", [...d.dataTables, d.blobs, d.saved, d.syncMeta, d.outbox], async () => {
    await Promise.all([...d.dataTables, d.blobs, d.saved, d.syncMeta].map((t) => t.clear()));
    if (dropUnsent) await d.outbox.clear();
  });
}

/** Another account signs in on this device: nothing of the previous one may stay, unsent changes included. */
export async function switchUser(user: { id: string; email?: string; name?: string }): Promise<boolean> {
  const d = db();
  const prev = await d.session.get("user");
  const changed = !!prev && prev.userId !== user.id;
  if (changed) await clearOfflineData({ dropUnsent: true });
  await d.session.put({ key: "user", userId: user.id, email: user.email, name: user.name, savedAt: Date.now() });
  return changed;
}
