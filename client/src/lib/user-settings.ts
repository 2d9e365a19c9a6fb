import type { UserSettings } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import { orLocal } from "@/lib/local-first";
import { localSettings } from "@/offline";

export const userSettingsKey = ["settings", "user"] as const;

/** The signed-in user's settings (offline: as the last sync brought them). Shared by every feature that reads them. */
export const userSettingsQuery = queryOptions({
  queryKey: userSettingsKey,
  queryFn: () => orLocal((): Promise<UserSettings> => call(rpc.settings.index.$get()), async () => (await localSettings()) ?? undefined),
  staleTime: 60_000,
});
