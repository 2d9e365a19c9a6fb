/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { registerImageFiles } from "./image-files";
import { registerShareTarget } from "./share-target";
import { registerStaticRoutes } from "./static-routes";

declare const self: ServiceWorkerGlobalScope;

// The app shell, the prerendered landing page, fonts and icons: everything the build emitted.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// …and its hashed files answered from that precache by the browser itself, without this worker; so are the
// thumbnails and previews a page shows while online (static-routes.ts).
registerStaticRoutes();

// Navigations: "/" is the prerendered landing page; every other page boots the app shell.
// Never for /api (JSON, streams, downloads), never for files with an extension, and never for public share pages
// (/s/:token): the server renders their head for each link, and they are online only.
const landing = createHandlerBoundToURL("/index.html");
const appShell = createHandlerBoundToURL("/app.html");
registerRoute(new NavigationRoute(landing, { allowlist: [/^\/$/] }));
registerRoute(new NavigationRoute(appShell, { denylist: [/^\/api\//, /^\/$/, /^\/s\//, /\/[^/?]+\.[^/]+$/] }));

// Image files the static routes leave here: the device's blob cache first, then a cache-first for thumbnails and
// previews (see image-files.ts).
registerImageFiles();

// Pictures shared to the installed app (manifest share_target) go to image-to-image.
registerShareTarget();

// The first install takes over the page that installed it (no page was controlled before): code the page loads on
// first use (a route, a dialog) then comes from the precache, so a first visit that goes offline keeps working.
// An update still waits for the page's say-so below; pages already controlled move to it when it activates.
clientsClaim();

// The page decides when a waiting update takes over ("a new version is ready — reload").
self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
