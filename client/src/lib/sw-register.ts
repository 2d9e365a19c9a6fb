import { Workbox } from "workbox-window";
import { clientEnv } from "./env";

/**
 * Registers the service worker (production builds only) and reports when a new version is waiting.
 * `activate()` tells the waiting worker to take over; the page reloads once it controls the page.
 */
export function registerServiceWorker(onUpdateReady: (activate: () => void) => void): void {
  if (!("serviceWorker" in navigator) || clientEnv.dev) return;
  const wb = new Workbox("/sw.js", { scope: "/" });
  wb.addEventListener("waiting", () => {
    onUpdateReady(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
