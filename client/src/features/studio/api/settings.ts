import type { GenerationDefaults, GenerationPreset, SavePresetRequest } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import { orLocal } from "@/lib/local-first";
import { localSettings } from "@/offline";

export const settingsKeys = {
  presets: ["settings", "presets"] as const,
  defaults: ["settings", "defaults"] as const,
};

export const presetsQuery = queryOptions({
  queryKey: settingsKeys.presets,
  queryFn: async (): Promise<GenerationPreset[]> => (await call(rpc.settings.presets.$get())).items,
  staleTime: 60_000,
});

export const defaultsQuery = queryOptions({
  queryKey: settingsKeys.defaults,
  // Offline, the studio still starts from the user's defaults (as the last sync brought them).
  queryFn: () =>
    orLocal(
      (): Promise<GenerationDefaults> => call(rpc.settings.defaults.$get()),
      async () => {
        const s = await localSettings();
        return s ? { defaultModelId: s.defaultModelId, defaultParameters: s.defaultParameters } : undefined;
      },
    ),
  staleTime: 5 * 60_000,
});

export const savePreset = (id: string, body: SavePresetRequest): Promise<GenerationPreset> =>
  call(rpc.settings.presets[":id"].$put({ param: { id }, json: body }));
export const deletePreset = (id: string) => call(rpc.settings.presets[":id"].$delete({ param: { id } }));
export const saveDefaults = (body: GenerationDefaults): Promise<GenerationDefaults> => call(rpc.settings.defaults.$put({ json: body }));
