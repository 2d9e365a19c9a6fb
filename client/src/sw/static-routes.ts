/// <reference lib="webworker" />
import { cacheNames } from "workbox-core";

declare const self: ServiceWorkerGlobalScope;

/** The Service Worker static routing API (Chromium 123+); not in TypeScript's DOM library yet. */
interface RouterRule {
  condition: { urlPattern?: string; requestMethod?: string };
  source: "network" | "cache" | "fetch-event" | { cacheName: string };
}
type InstallEventWithRoutes = ExtendableEvent & { addRoutes?: (rules: RouterRule | RouterRule[]) => Promise<void> };

/**
 * The build's hashed files (/assets/*: the shell, every route chunk, styles, fonts) are answered by the browser
 * straight from the precache, without running this worker's fetch handler for each. A page's boot asks for ~110
 * of them: through the handler each was a task on the worker's thread (Workbox's routing, then a Cache Storage
 * lookup), and they queued there behind one another and the page's own work (docs/decisions/performance.md,
 * "Offline boot, round 2"). The same cache and the same keys as the handler's precache route (a hashed file is
 * precached under its plain URL); a file not in it goes to the network, as that route falls through to it.
 * Browsers without the API keep the handler's precache route, which still covers these files.
 */
export function registerStaticRoutes() {
  self.addEventListener("install", (event) => {
    const install = event as InstallEventWithRoutes;
    if (typeof install.addRoutes !== "function") return;
    install.waitUntil(
      install
        .addRoutes({ condition: { urlPattern: "/assets/*", requestMethod: "GET" }, source: { cacheName: cacheNames.precache } })
        .catch(() => undefined), // routes refused (an older shape of the API): the fetch handler answers as before
    );
  });
}
