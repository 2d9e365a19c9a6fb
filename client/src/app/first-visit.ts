/**
 * A first visit's critical path. Left to the router, a page's catalogs (the root route's beforeLoad), the session
 * check (the guards' beforeLoad) and the page's code (after every beforeLoad) load one after the other, each a round
 * trip. Started here, before the router's first load, they run side by side, and the router finds them in flight.
 * The auth config (dev-mailbox banner, sign-in providers) would otherwise wait for the first render: it starts here too.
 * The page's code is fetched at once and evaluated a chunk per task (app/page-code.ts); the returned promise settles
 * when it has run, and the router is given the page's chunks then — its load must not start before (main.tsx).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { AnyRouter } from "@tanstack/react-router";
import { loadRouteNamespaces } from "@/i18n/routes";
import { nextTask } from "@/lib/next-task";
import { authConfigQuery, sessionQuery } from "@/lib/session";
import { evaluateInSteps, pageChunks } from "./page-code";

/**
 * Each start is a task of its own (together they were one long task of 17–33 ms of main thread on a 2-core machine:
 * the session's request, every chunk's and catalog's preload link, i18next's bookkeeping): the session first — the
 * page's guard waits on it —, then the page's code, the largest download, then the catalogs.
 */
export function startFirstVisit(router: AnyRouter, queryClient: QueryClient): Promise<void> {
  const [routes] = router.getMatchedRoutes(router.latestLocation.pathname);
  // Every guard here (an app page, sign-in, sign-up) starts from the session; public pages (shares, profiles) have none.
  if (routes.some((route) => !route.isRoot && route.options.beforeLoad)) {
    void queryClient.prefetchQuery(sessionQuery);
    // Those pages show the dev-mailbox banner and the sign-in providers from the auth config: asked for now, not after
    // the first render (the banner was the sign-in page's LCP element, a round trip after everything else).
    void queryClient.prefetchQuery(authConfigQuery);
  }
  return (async () => {
    await nextTask();
    const pageCode = evaluateInSteps(pageChunks(routes.map((route) => route.id)));
    await nextTask();
    void loadRouteNamespaces(routes.map((route) => ({ staticData: route.options.staticData })));
    await pageCode;
    // The router loads a chunk once: its own load later waits on this one (a failure is reported there).
    for (const route of routes) void router.loadRouteChunk(route)?.catch(() => undefined);
  })();
}
