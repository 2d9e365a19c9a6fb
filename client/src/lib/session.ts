import type { AuthConfig, MeResponse } from "@image-studio/shared";
import { queryOptions, type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { ApiError } from "./api";
import { call, rpc } from "./rpc";

/**
 * The signed-in session, for route guards and the shell. The last known session is kept in localStorage so
 * the installed app opens offline (the offline layer builds on `lastKnownSession()`).
 */

const LAST_SESSION_KEY = "image-studio:last-session";

export const sessionKeys = {
  me: ["auth", "me"] as const,
  config: ["auth", "config"] as const,
};

/** Checked against the contract, which loads on use: it is zod, and this module is in the app's entry. */
export async function lastKnownSession(): Promise<MeResponse | null> {
  try {
    const raw = localStorage.getItem(LAST_SESSION_KEY);
    if (!raw) return null;
    const { meResponseSchema } = await import("./contracts-on-use");
    const parsed = meResponseSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberSession(me: MeResponse) {
  try {
    localStorage.setItem(LAST_SESSION_KEY, JSON.stringify(me));
  } catch {
    /* storage full or blocked: the app still works online */
  }
}

export function forgetSession() {
  try {
    localStorage.removeItem(LAST_SESSION_KEY);
  } catch {
    /* ignore */
  }
}

/**
 * null = signed out. Offline (or the server unreachable), the last known session stands in — at once when the
 * browser knows it has no network (no request to wait on), else once the request fails.
 */
export const sessionQuery = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: async (): Promise<MeResponse | null> => {
    if (typeof navigator !== "undefined" && navigator.onLine === false) return lastKnownSession();
    // The stand-in's check loads its contract (zod and the forms' chunk) only when the request has failed: started
    // with the request, it evaluated that chunk in one task beside the first visit's own, a chunk at a time —
    // ≈ 150 ms of Lighthouse's TBT on /gallery (docs/decisions/performance.md, session 23). Offline with
    // navigator.onLine false nothing is asked (above); on a network that is down, the request fails at once.
    try {
      const me: MeResponse | null = await call(rpc.auth.session.$get());
      if (me) rememberSession(me);
      else forgetSession();
      return me;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        forgetSession();
        return null;
      }
      if (err instanceof ApiError && (err.code === "NETWORK" || err.status >= 500)) return lastKnownSession();
      throw err;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export const authConfigQuery = queryOptions({
  queryKey: sessionKeys.config,
  queryFn: (): Promise<AuthConfig> => call(rpc.auth.config.$get()),
  staleTime: 10 * 60_000,
});

/** Asks the server again (after signing in or out); resolves with the new session. */
export function refreshSession(queryClient: QueryClient) {
  return queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

/**
 * The session for a route guard: the cached one when signed in; when the cache says "signed out", the server
 * is asked again (a sign-in in another tab, or an OAuth round trip, may have happened since).
 */
export async function currentSession(queryClient: QueryClient): Promise<MeResponse | null> {
  const cached = await queryClient.ensureQueryData(sessionQuery);
  return cached ?? refreshSession(queryClient);
}

/** Puts a fresh account answer (from sign-in, verification or a profile save) into the cache. */
export function setSessionUser(queryClient: QueryClient, user: MeResponse["user"]) {
  const current = queryClient.getQueryData<MeResponse | null>(sessionKeys.me);
  if (current) {
    const next = { ...current, user };
    queryClient.setQueryData(sessionKeys.me, next);
    rememberSession(next);
  }
  void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
}

/** Forgets everything cached for the signed-out user. */
export function clearClientSession(queryClient: QueryClient) {
  forgetSession();
  queryClient.clear();
  queryClient.setQueryData(sessionKeys.me, null);
}

/** A path inside the app to return to after signing in (never another site). */
export function safeRedirect(target: unknown, fallback = "/dashboard"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\"))
    return fallback;
  if (/^\/(sign-in|sign-up|verify-email|forgot-password|reset-password)\b/.test(target)) return fallback;
  return target;
}

/** Signs out on the server (when reachable), clears cached data and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    // The offline engine is loaded on demand (it is not part of the app's first paint). It stops first, and a sync
    // run in flight ends, so no request of this session is still out when the server forgets it (it would 401).
    const offline = await import("@/offline");
    await offline.stopOfflineAndSettle();
    await queryClient.cancelQueries();
    try {
      await call(rpc.auth.logout.$post());
    } catch {
      // Offline or already signed out: the local sign-out below is what matters to this device.
    }
    clearClientSession(queryClient);
    // The device's copy goes with the session; changes not yet sent stay (for this account's next sign-in —
    // another account signing in here wipes them).
    await offline.clearOfflineData().catch(() => undefined);
    await navigate({ to: "/sign-in" });
  }, [queryClient, navigate]);
}
