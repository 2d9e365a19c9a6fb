import { clientEnv } from "./env";
import { afterLoadWhenIdle } from "./next-task";

/**
 * Registers the service worker (production builds only) and reports when a new version is waiting.
 * `activate()` tells the waiting worker to take over; the page reloads once it controls the page.
 *
 * `after`: registration waits for it (the app's first render), then for the page's `load` and an idle moment. A
 * first install precaches the whole app — ≈ 170 files fetched, written and compiled for the code cache, 0.7 s of
 * CPU on the worker's thread here — and on a phone's few cores that ran beside the boot's own tasks and lengthened
 * them (docs/decisions/performance.md, session 23). An installed worker's update check waits the same way.
 */
export async function registerServiceWorker(onUpdateReady: (activate: () => void) => void, after?: Promise<unknown>): Promise<void> {
  if (!("serviceWorker" in navigator) || clientEnv.dev) return;
  await after?.catch(() => undefined);
  await afterLoadWhenIdle(1000); // without idle callbacks (Safari): a second after `load`, past the first render's tasks
  // workbox-window is loaded here, not with the app's first paint.
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox("/sw.js", { scope: "/" });
  wb.addEventListener("waiting", () => {
    onUpdateReady(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register({ immediate: true });
}

