import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, lazyRouteComponent, Outlet } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { pageTitle, useDocumentTitle } from "@/app/page-title";
import { loadRouteNamespaces } from "@/i18n/routes";

/** Toasts load beside the first page, not before it (sonner is not needed for the first paint). */
const Toaster = lazy(() => import("@/components/ui/sonner").then((m) => ({ default: m.Toaster })));

/** Error and 404 pages load when one is shown. */
const ErrorPage = lazyRouteComponent(() => import("@/app/error-pages"), "ErrorPage");
const NotFoundPage = lazyRouteComponent(() => import("@/app/error-pages"), "NotFoundPage");

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({ meta: [{ title: pageTitle() }] }),
  // Every matched route's catalogs (staticData.i18n) before any of them renders; also on preload (hovered links).
  beforeLoad: ({ matches }) => loadRouteNamespaces(matches),
  component: Root,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

function Root() {
  useDocumentTitle();
  return (
    <>
      <Outlet />
      <Suspense fallback={null}>
        <Toaster />
      </Suspense>
    </>
  );
}
