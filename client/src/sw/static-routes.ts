/// <reference lib="webworker" />
import { IMAGE_VARIANTS } from "@image-studio/shared";
import { cacheNames } from "workbox-core";

declare const self: ServiceWorkerGlobalScope;

/** The Service Worker static routing API (Chromium 123+); not in TypeScript's DOM library yet. */
interface RouterCondition {
  urlPattern?: string;
  requestMethod?: string;
  requestMode?: RequestMode;
  requestDestination?: RequestDestination;
}
interface RouterRule {
  condition: RouterCondition;
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
 */
const ASSET_ROUTES: RouterRule[] = [{ condition: { urlPattern: "/assets/*", requestMethod: "GET" }, source: { cacheName: cacheNames.precache } }];

/**
 * Thumbnails and previews that a page shows while it is online (an `<img crossorigin>`: `BlurImage` asks so only
 * when the browser says it is online) go to the network — and the browser's HTTP cache, where a variant is
 * immutable for a year — without the worker. Scrolling a wall asks for ~150 a second; through the fetch handler
 * each was a task on the worker's thread beside the page's on two cores, and the frames over 50 ms of a fling
 * went from ~1 % to 5–12 % (docs/decisions/performance.md, session 24). Everything else keeps the handler's
 * image route (image-files.ts): `<img>` without `crossorigin` (offline, or the retry after a failed direct
 * load), `fetch()` (saving offline copies), originals and videos. Offline, that route answers from the device's
 * copies, then its own cache, then the network leg — which the HTTP cache answers for what was seen online.
 */
const IMAGE_ROUTES: RouterRule[] = IMAGE_VARIANTS.filter((v) => v !== "original").map((variant) => ({
  condition: { urlPattern: `/api/images/*/file/${variant}`, requestMethod: "GET", requestMode: "cors", requestDestination: "image" },
  source: "network",
}));

/** Browsers without the API keep the fetch handler for all of these, as before. */
export function registerStaticRoutes() {
  self.addEventListener("install", (event) => {
    const install = event as InstallEventWithRoutes;
    if (typeof install.addRoutes !== "function") return;
    // Two calls: a browser that refuses one shape of rule (the request's mode or destination) keeps the other.
    const add = (rules: RouterRule[]) => install.addRoutes!(rules).catch(() => undefined); // refused: the fetch handler answers as before
    install.waitUntil(Promise.all([add(ASSET_ROUTES), add(IMAGE_ROUTES)]));
  });
}
