import { db } from "./db";
import { localImagePage, localImagePageInMemory } from "./local-gallery";
import { enqueue } from "./outbox";
import { autoCache, refreshSavedGalleries } from "./saved";
import { enqueued } from "./events";
import { setStatus } from "./status";
import { switchUser } from "./storage";
import { SyncEngine, type SyncReport } from "./sync";
import { httpTransport } from "./transport";

/**
 * The page's sync runtime: one engine, started after sign-in, syncing on start, when the browser comes back
 * online, when the window regains focus or becomes visible, after each local change (when online) and every
 * few minutes while visible.
 */

export const engine = new SyncEngine({ transport: httpTransport });

const PERIOD_MS = 3 * 60_000;
let stopFns: (() => void)[] = [];
/** Bumped by every start and stop: a start still waiting on the device's database when it is stopped (sign-out right
 * after sign-in) must not go on to listen and sync for a session that is gone — its requests would 401. */
let generation = 0;
let lastAutoCache = 0;

function after(report: SyncReport) {
  if (report.error || Date.now() - lastAutoCache < 60_000) return;
  lastAutoCache = Date.now();
  void (async () => {
    await refreshSavedGalleries().catch(() => undefined);
    await autoCache().catch(() => undefined);
  })();
}

/** bench/offline*.mjs measure the real outbox and local gallery in Chromium; the handle exists only when they ask for it. */
function exposeForBench() {
  try {
    if (localStorage.getItem("image-studio:bench") === "1") Object.assign(globalThis, { __imageStudioOffline: { enqueue, db, localImagePage, localImagePageInMemory } });
  } catch {
    /* storage blocked */
  }
}

/** Starts syncing for this user (wiping another account's copy first). Idempotent. */
export async function startOffline(user: { id: string; email?: string; name?: string }): Promise<void> {
  stopOffline();
  const mine = generation;
  exposeForBench();
  const switched = await switchUser(user).catch(() => false);
  if (mine !== generation) return;
  if (switched) setStatus({ pending: 0, failed: [] });
  const kick = () => void engine.sync();
  const onOnline = () => {
    setStatus({ online: true });
    kick();
  };
  const onOffline = () => setStatus({ online: false });
  const onVisible = () => document.visibilityState === "visible" && kick();
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  window.addEventListener("focus", kick);
  document.addEventListener("visibilitychange", onVisible);
  const timer = setInterval(() => document.visibilityState === "visible" && kick(), PERIOD_MS);
  const offEnqueue = enqueued.on(() => navigator.onLine && kick());
  const offRunning = engine.runningChanged.on((running) => setStatus({ running }));
  const offReport = engine.reports.on(after);
  stopFns = [
    () => window.removeEventListener("online", onOnline),
    () => window.removeEventListener("offline", onOffline),
    () => window.removeEventListener("focus", kick),
    () => document.removeEventListener("visibilitychange", onVisible),
    () => clearInterval(timer),
    offEnqueue,
    offRunning,
    offReport,
  ];
  setStatus({ online: navigator.onLine });
  kick();
}

export function stopOffline() {
  generation += 1;
  for (const fn of stopFns) fn();
  stopFns = [];
  engine.stop();
}

/** Stops syncing and waits for a run in flight to end (sign-out: no sync request may outlive the session). */
export async function stopOfflineAndSettle(): Promise<void> {
  stopOffline();
  await engine.idle();
}

/** Sync now (the "Sync now" button); resolves with the run's report. */
export const syncNow = () => engine.sync();

/** Subscribes to the end of every sync run (the shell refreshes queries and announces refused changes). */
export const onSyncReport = (fn: (r: SyncReport) => void) => engine.reports.on(fn);
