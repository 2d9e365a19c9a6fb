import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dashboardQuery, lastDashboard } from "./api";
import { ago } from "./components/panel";

const USER = "2f1c1c1e-0000-4000-8000-000000000001";

/** Answers every dashboard request the way the server does, with the figures given. */
function serverWith(images: number) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const body = url.startsWith("/api/usage/stats")
      ? { images, imagesThisMonth: images, creditsSpent: 3, creditsSpentThisMonth: 3, projects: 1, storageBytes: 2048, balance: 497 }
      : url.startsWith("/api/usage/daily")
        ? { items: [{ date: "2026-12-05", images, credits: 3 }] }
        : url.startsWith("/api/images") || url.startsWith("/api/projects") || url.startsWith("/api/activity") || url.startsWith("/api/models")
          ? { items: [], nextCursor: null }
          : null;
    return new Response(JSON.stringify(body), { status: body ? 200 : 404, headers: { "Content-Type": "application/json" } });
  });
}

describe("dashboard figures on the device", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the server's answer and serves it, marked cached, when the server cannot be reached", async () => {
    vi.stubGlobal("fetch", serverWith(7));
    const fresh = await new QueryClient().fetchQuery(dashboardQuery(USER));
    expect(fresh).toMatchObject({ cached: false, stats: { images: 7, balance: 497 } });
    expect(lastDashboard(USER)).toMatchObject({ cached: true, savedAt: fresh.savedAt, stats: { images: 7 } });

    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const offline = await new QueryClient().fetchQuery(dashboardQuery(USER));
    expect(offline).toMatchObject({ cached: true, savedAt: fresh.savedAt, stats: { images: 7 } });
  });

  it("fails plainly when there is neither a server nor a copy, and keeps users apart", async () => {
    vi.stubGlobal("fetch", serverWith(2));
    await new QueryClient().fetchQuery(dashboardQuery(USER));
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(new QueryClient().fetchQuery({ ...dashboardQuery("someone-else"), retry: false })).rejects.toMatchObject({ code: "NETWORK" });
  });

  it("says how old the figures are", () => {
    const now = Date.parse("2026-12-05T12:00:00Z");
    expect(ago("2026-12-05T11:57:00Z", now)).toMatch(/3 minutes ago/);
    expect(ago("2026-12-05T12:00:20Z", now)).toMatch(/now/);
    expect(ago("2026-12-04T12:00:00Z", now)).toMatch(/yesterday|1 day ago/);
  });
});
