import type { AuthConfig } from "@image-studio/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { authConfigQuery } from "@/lib/session";
import { DevMailBanner } from "./dev-mail-banner";

const config: AuthConfig = {
  devMailbox: true,
  providers: { github: false, google: false },
  signupCredits: 500,
  passwordMinLength: 8,
};

function renderBanner() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(authConfigQuery.queryKey, config);
  const root = createRootRoute();
  const home = createRoute({ getParentRoute: () => root, path: "/", component: () => <DevMailBanner /> });
  const router = createRouter({
    routeTree: root.addChildren([home]),
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("DevMailBanner", () => {
  it("says the dev mailbox opens on the server's machine and how to read it from another device", async () => {
    renderBanner();
    const banner = await screen.findByRole("status");
    expect(banner).toHaveTextContent(/server's own machine/);
    expect(banner).toHaveTextContent(/DEV_MAILBOX=open/);
    expect(screen.getByRole("link", { name: "dev mailbox" })).toHaveAttribute("href", "/dev/mailbox");
  });
});
