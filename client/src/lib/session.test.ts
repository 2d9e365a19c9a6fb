import type { MeResponse } from "@image-studio/shared";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { meResponseSchema } from "./contracts-on-use";
import { forgetSession, rememberSession, sessionQuery } from "./session";

const me: MeResponse = {
  user: {
    id: "u1", email: "a@example.test", name: "A", image: null, emailVerified: true, role: "user", twoFactorEnabled: false, creditsBalance: 10,
    subscriptionTier: "free", timezone: "UTC", language: "en", publicAvatar: false, sessionTimeoutMinutes: null, onboardingState: {},
    hasPassword: true, isGuest: false, createdAt: "2026-01-01T00:00:00.000Z", lastLogin: null,
  },
  session: { id: "s1", expiresAt: "2027-01-01T00:00:00.000Z", createdAt: "2026-01-01T00:00:00.000Z" },
};

const fetchSpy = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchSpy.mockReset();
  vi.stubGlobal("fetch", fetchSpy);
});
afterEach(() => {
  forgetSession();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("sessionQuery", () => {
  it("offline, answers with the last known session without a request", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    rememberSession(me);
    expect(await new QueryClient().fetchQuery(sessionQuery)).toEqual(me);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("offline with no session kept on the device, is signed out", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    expect(await new QueryClient().fetchQuery(sessionQuery)).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("online, asks the server, and falls back to the last known session when it cannot be reached", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
    rememberSession(me);
    fetchSpy.mockRejectedValue(new TypeError("Failed to fetch"));
    expect(await new QueryClient().fetchQuery(sessionQuery)).toEqual(me);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it("online, leaves the stand-in's contract (zod, loaded on use) alone while the server answers", async () => {
    const check = vi.spyOn(meResponseSchema, "safeParse");
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
    rememberSession(me);
    fetchSpy.mockResolvedValue(new Response(JSON.stringify(me), { status: 200, headers: { "content-type": "application/json" } }));
    expect(await new QueryClient().fetchQuery(sessionQuery)).toEqual(me);
    expect(check).not.toHaveBeenCalled();

    // …and checks the kept session once the server cannot be reached.
    fetchSpy.mockRejectedValue(new TypeError("Failed to fetch"));
    expect(await new QueryClient().fetchQuery(sessionQuery)).toEqual(me);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
