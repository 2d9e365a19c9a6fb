import type { StorageUsage } from "@image-studio/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ServerStorageCard } from "./server-storage-card";

const MB = 1024 * 1024;
let usage: StorageUsage;

// The server answers the typed call (client/src/lib/rpc.ts) with the usage of the test.
vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
  const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
  if (url.pathname !== "/api/usage/storage") throw new Error(`unexpected ${url.pathname}`);
  return new Response(JSON.stringify(usage), { headers: { "Content-Type": "application/json" } });
});
afterEach(cleanup);

const row = (bytes: number, count: number) => ({ bytes, count });
const show = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ServerStorageCard />
    </QueryClientProvider>,
  );

describe("Settings → storage on the server", () => {
  it("shows what is used against the quota, uploads included", async () => {
    usage = {
      total: row(60 * MB, 12),
      trash: row(4 * MB, 1),
      uploads: row(46.5 * MB, 9),
      byProject: [],
      byModel: [],
      byMediaType: [],
      used: 110.5 * MB,
      quota: 2048 * MB,
    };
    show();
    expect(await screen.findByTestId("server-storage-used")).toHaveTextContent("110.5 MB used of 2.0 GB");
    expect(screen.getByText(/Uploads: 46.5 MB \(9\)/)).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Server storage used" })).toBeInTheDocument();
    expect(screen.queryByText(/storage is full/)).not.toBeInTheDocument();
  });

  it("warns when the quota is reached, and shows no bar without a quota", async () => {
    usage = {
      total: row(MB, 1),
      trash: row(0, 0),
      uploads: row(0, 0),
      byProject: [],
      byModel: [],
      byMediaType: [],
      used: MB,
      quota: MB,
    };
    show();
    expect(await screen.findByRole("status")).toHaveTextContent(/storage is full/);
    cleanup();
    usage = { ...usage, quota: null };
    show();
    expect(await screen.findByTestId("server-storage-used")).toHaveTextContent("(no limit)");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });
});
