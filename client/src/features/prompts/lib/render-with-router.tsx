import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";

/** Tests: renders `ui` at "/" of a throwaway router (cards link to /studio, which renders its search). */
export function renderWithRouter(ui: () => ReactNode) {
  const root = createRootRoute();
  const home = createRoute({ getParentRoute: () => root, path: "/", component: ui });
  const studio = createRoute({
    getParentRoute: () => root,
    path: "/studio",
    component: function Studio() {
      return <pre data-testid="studio-search">{JSON.stringify(studio.useSearch())}</pre>;
    },
  });
  const router = createRouter({
    routeTree: root.addChildren([home, studio]),
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  // Online-only extras (keep-rates) ask the server; in tests there is none, so they fail once and stay quiet.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    router,
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}
