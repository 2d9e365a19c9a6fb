import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GuestUpgradeCard } from "./guest-upgrade-card";

const calls: { path: string; init: { method?: string; body?: unknown } }[] = [];

// The server as the typed client reaches it: fetch answers the upgrade route like the real one.
beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { email: string };
      calls.push({ path: url, init: { method: init.method, body } });
      return Response.json({ email: body.email, verificationSent: true, message: "Check your inbox" });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());
afterEach(cleanup);

describe("Save your work — create an account (guest)", () => {
  it("sends name, email and password to the upgrade route and says where the link went", async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <GuestUpgradeCard />
      </QueryClientProvider>,
    );
    expect(screen.getByRole("region", { name: /Save your work — create an account/ })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Name"), "Dana");
    await user.type(screen.getByLabelText("Email"), "dana@example.test");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Create my account" }));
    expect(await screen.findByText(/Check your inbox at/)).toHaveTextContent("dana@example.test");
    expect(calls).toEqual([
      {
        path: "/api/auth/guest/upgrade",
        init: { method: "POST", body: { name: "Dana", email: "dana@example.test", password: "correct horse battery" } },
      },
    ]);
  });

  it("checks the fields before sending anything", async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <GuestUpgradeCard />
      </QueryClientProvider>,
    );
    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.click(screen.getByRole("button", { name: "Create my account" }));
    expect(await screen.findAllByRole("alert")).not.toHaveLength(0);
    expect(calls).toHaveLength(0);
  });
});
