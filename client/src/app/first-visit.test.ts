import { QueryClient } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { authConfigQuery, sessionQuery } from "@/lib/session";
import { startFirstVisit } from "./first-visit";

/** A router like the app's: a guarded page (its beforeLoad reads the session) and a public one (no guard). */
function setup(path: string) {
  const root = createRootRoute();
  const guarded = createRoute({ getParentRoute: () => root, path: "/sign-in", beforeLoad: () => undefined });
  const open = createRoute({ getParentRoute: () => root, path: "/s/$token" });
  const router = createRouter({ routeTree: root.addChildren([guarded, open]), history: createMemoryHistory({ initialEntries: [path] }) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  startFirstVisit(router, queryClient);
  const started = (key: readonly unknown[]) => queryClient.getQueryCache().find({ queryKey: key }) !== undefined;
  return { session: started(sessionQuery.queryKey), config: started(authConfigQuery.queryKey) };
}

describe("startFirstVisit", () => {
  it("asks for the session and the auth config (dev-mailbox banner, providers) before a guarded page renders", () => {
    expect(setup("/sign-in")).toEqual({ session: true, config: true });
  });

  it("asks for neither on a public page (a share link has no session to check)", () => {
    expect(setup("/s/abc")).toEqual({ session: false, config: false });
  });
});
