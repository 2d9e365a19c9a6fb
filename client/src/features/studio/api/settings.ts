import type { GenerationDefaults, GenerationPreset, SavePresetRequest } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";
import { orLocal } from "@/lib/local-first";
import { localSettings } from "@/offline";

export const settingsKeys = {
  presets: ["settings", "presets"] as const,
  defaults: ["settings", "defaults"] as const,
};

export const presetsQuery = queryOptions({
  queryKey: settingsKeys.presets,
  queryFn: async () => (await api<{ items: GenerationPreset[] }>("/api/settings/presets")).items,
  staleTime: 60_000,
});

export const defaultsQuery = queryOptions({
  queryKey: settingsKeys.defaults,
  // Offline, the studio still starts from the user's defaults (as the last sync brought them).
  queryFn: () =>
    orLocal(
      () => api<GenerationDefaults>("/api/settings/defaults"),
      async () => {
        const s = await localSettings();
        return s ? { defaultModelId: s.defaultModelId, defaultParameters: s.defaultParameters } : undefined;
      },
    ),
  staleTime: 5 * 60_000,
});

export const savePreset = (id: string, body: SavePresetRequest) => api<GenerationPreset>(`/api/settings/presets/${id}`, { method: "PUT", body: { ...body } });
export const deletePreset = (id: string) => api<{ ok: true }>(`/api/settings/presets/${id}`, { method: "DELETE" });
export const saveDefaults = (body: GenerationDefaults) => api<GenerationDefaults>("/api/settings/defaults", { method: "PUT", body: { ...body } });
