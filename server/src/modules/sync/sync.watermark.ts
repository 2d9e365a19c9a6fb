import type { Database, Db } from "../../db/client";
import * as repo from "./sync.repo";

/**
 * The safe watermark of the sync pull (docs/decisions/sync-protocol.md).
 *
 * Versions come from one sequence when a statement runs, but transactions commit in any order: a transaction
 * holding version 10 may commit after one holding 11. A pull that answered 11 and moved the cursor past it
 * would never deliver 10. So a pull only reads up to a version every holder of which has finished:
 *
 * 1. read the sequence head H (every version ≤ H has been handed out);
 * 2. list the transactions that hold a RowExclusiveLock on the sequence — `nextval` takes it *before* handing
 *    out a value and keeps it to the end of the transaction, so whoever holds a version ≤ H and has not
 *    finished is in this list;
 * 3. wait (briefly) until they are all gone; then every row with version ≤ H is committed or never will be.
 *
 * When they outlast the wait, the pull answers up to the highest watermark proven earlier in this process
 * (still safe: proven versions are never handed out again), and the rest waits for a later pull.
 */

const POLL_MS = 10;
export const WATERMARK_WAIT_MS = 1500;

const proven = new WeakMap<object, number>();

export interface Watermark {
  /** Deliver versions up to and including this one. */
  upTo: number;
  /** False when in-flight transactions outlasted the wait and `upTo` is an older proven watermark. */
  settled: boolean;
}

export async function safeWatermark(database: Database, db: Db, maxWaitMs = WATERMARK_WAIT_MS): Promise<Watermark> {
  const known = proven.get(database) ?? 0;
  const head = await repo.sequenceHead(db);
  if (head <= known) return { upTo: head, settled: true };
  let holders = await repo.versionHolders(db);
  const deadline = Date.now() + maxWaitMs;
  while (holders.length) {
    if (Date.now() >= deadline) return { upTo: proven.get(database) ?? 0, settled: false };
    await new Promise((r) => setTimeout(r, POLL_MS));
    holders = await repo.versionHolders(db, holders);
  }
  proven.set(database, Math.max(proven.get(database) ?? 0, head));
  return { upTo: head, settled: true };
}
