import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import { Toaster } from "@/components/ui/sonner";
import { ErrorPage, NotFoundPage } from "@/app/error-pages";
import { pageTitle, useDocumentTitle } from "@/app/page-title";

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({ meta: [{ title: pageTitle() }] }),
  component: Root,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

function Root() {
  useDocumentTitle();
  return (
    <>
      <Outlet />
      <Toaster />
    </>
  );
}
