import type { UserSettings } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";
import { orLocal } from "@/lib/local-first";
import { localSettings } from "@/offline";

export const userSettingsKey = ["settings", "user"] as const;

/** The signed-in user's settings (offline: as the last sync brought them). Shared by every feature that reads them. */
export const userSettingsQuery = queryOptions({
  queryKey: userSettingsKey,
  queryFn: () => orLocal(() => api<UserSettings>("/api/settings"), async () => (await localSettings()) ?? undefined),
  staleTime: 60_000,
});
