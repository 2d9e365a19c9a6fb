import "./styles/globals.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode, startTransition } from "react";
import { startFirstVisit } from "./app/first-visit";
import { deviceLanguage, i18n, initI18n, setLanguage } from "./i18n";
import { createRoot } from "react-dom/client";
import { watchInstallPrompt } from "./lib/install";
import { nextTask } from "./lib/next-task";
import { createQueryClient } from "./lib/query-client";
import { registerServiceWorker } from "./lib/sw-register";
import { applyTheme, getThemePreference, watchSystemTheme } from "./lib/theme";
import { routeTree } from "./routeTree.gen";

const queryClient = createQueryClient();
watchInstallPrompt();
applyTheme(getThemePreference());
watchSystemTheme();

/**
 * The boot in pieces, each its own task: the browser gets the main thread back in between (input on a prerendered
 * page, the network's callbacks) instead of one long task of everything a first visit starts — the modules' own
 * evaluation (React, the router's packages), i18next's setup and the router's construction, the first visit's
 * requests, the language.
 */
await nextTask();
initI18n();

/**
 * Scroll positions are restored on Back/Forward and reload. A document opened by a plain navigation has nothing to
 * restore and is already at the top: the router's scroll to the top (of the window and of <main>) would only force a
 * layout of the whole first page in the middle of its first commit (12–15 ms here, four times that on a phone).
 */
let firstRender = true;
function restoreScroll(): boolean {
  if (!firstRender) return true;
  firstRender = false;
  const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  return entry?.type !== "navigate";
}
const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  scrollRestoration: restoreScroll,
  // App pages scroll inside <main>, not the window: a new page starts at its top, Back restores where you were.
  scrollToTopSelectors: ["#main"],
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

await nextTask();
// The page's session check, code and catalogs start now, a task each (before the language: it then loads them in it too).
const pageCode = startFirstVisit(router, queryClient);
await nextTask();
// English common and shell are bundled; another language's catalogs load before the first paint (no English flash).
await setLanguage(deviceLanguage()).catch(() => undefined);

// A prerendered page (server/src/lib/static.ts) stays on screen until the app's first render replaces it; the
// entrance animations of what replaces it are skipped (app.html's style) until the first navigation elsewhere.
const html = document.documentElement;
// app.html's inline script marks it "shown" only when it shows what the app will render.
const prerendered = html.matches("[data-prerendered~=shown]");
if (prerendered) {
  const first = router.latestLocation.pathname;
  const stop = router.subscribe("onResolved", ({ toLocation }) => {
    if (toLocation.pathname === first) return;
    html.removeAttribute("data-prerendered");
    stop();
  });
}

/**
 * With a prerendered page on screen nothing is gained by rendering before the route is ready: the router loads it
 * first (its Transitioner then does not load it again), and the whole page renders in a transition, which React
 * splits into short tasks — not one long task while the visitor may already be reading. Not awaited at the top
 * level: the route's chunks import this one, and their evaluation waits for this module's.
 */
async function render() {
  // The router's load would import the page whole: it starts once its chunks have run one by one.
  await pageCode;
  if (prerendered) {
    await router.load().catch(() => undefined);
    await nextTask();
    // tailwind-merge builds its class map on its first merge (≈ 11 ms here): in a task of its own, not inside the
    // first render's. Its module came with the page's chunks.
    await import("./lib/cn").then(({ cn }) => cn("p-0", "p-1")).catch(() => undefined);
    await nextTask();
  }
  const root = createRoot(document.getElementById("root")!);
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>
  );
  if (prerendered) startTransition(() => root.render(app));
  else root.render(app);
}
const rendered = render();

// Offline-first: the service worker precaches the shell (once the first render is done and the page is idle); an
// update waits until the user chooses to reload.
void registerServiceWorker(async (activate) => {
  const { toast } = await import("sonner");
  toast(i18n.t("shell:update.title"), {
    description: i18n.t("shell:update.description"),
    duration: Number.POSITIVE_INFINITY,
    action: { label: i18n.t("shell:update.reload"), onClick: activate },
  });
}, rendered);
