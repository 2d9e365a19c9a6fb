import { clientEnv } from "./env";

/**
 * Registers the service worker (production builds only) and reports when a new version is waiting.
 * `activate()` tells the waiting worker to take over; the page reloads once it controls the page.
 */
export async function registerServiceWorker(onUpdateReady: (activate: () => void) => void): Promise<void> {
  if (!("serviceWorker" in navigator) || clientEnv.dev) return;
  // workbox-window is loaded here, not with the app's first paint.
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox("/sw.js", { scope: "/" });
  wb.addEventListener("waiting", () => {
    onUpdateReady(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
