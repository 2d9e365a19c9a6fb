import "./styles/globals.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { startFirstVisit } from "./app/first-visit";
import { deviceLanguage, i18n, setLanguage } from "./i18n";
import { createRoot } from "react-dom/client";
import { watchInstallPrompt } from "./lib/install";
import { createQueryClient } from "./lib/query-client";
import { registerServiceWorker } from "./lib/sw-register";
import { applyTheme, getThemePreference, watchSystemTheme } from "./lib/theme";
import { routeTree } from "./routeTree.gen";

const queryClient = createQueryClient();
const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
  // App pages scroll inside <main>, not the window: a new page starts at its top, Back restores where you were.
  scrollToTopSelectors: ["#main"],
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

watchInstallPrompt();
applyTheme(getThemePreference());
watchSystemTheme();

// The page's catalogs, code and session check start together (before the language: it then loads them in it too).
startFirstVisit(router, queryClient);
// English common and shell are bundled; another language's catalogs load before the first paint (no English flash).
await setLanguage(deviceLanguage()).catch(() => undefined);

// A prerendered page (server/src/lib/static.ts) stays on screen until this first render replaces it; the entrance
// animations of what replaces it are skipped (app.html's style) until the first navigation elsewhere.
const prerendered = document.documentElement;
if (prerendered.hasAttribute("data-prerendered")) {
  const first = router.latestLocation.pathname;
  const stop = router.subscribe("onResolved", ({ toLocation }) => {
    if (toLocation.pathname === first) return;
    prerendered.removeAttribute("data-prerendered");
    stop();
  });
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

// Offline-first: the service worker precaches the shell; an update waits until the user chooses to reload.
void registerServiceWorker(async (activate) => {
  const { toast } = await import("sonner");
  toast(i18n.t("shell:update.title"), {
    description: i18n.t("shell:update.description"),
    duration: Number.POSITIVE_INFINITY,
    action: { label: i18n.t("shell:update.reload"), onClick: activate },
  });
});
