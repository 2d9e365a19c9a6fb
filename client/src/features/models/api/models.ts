import type { Announcement, ModelSamples, ModelStats, ModelStatus } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** Model ids contain slashes (fal-ai/flux/dev): the routes take the rest of the path. */
const ID = ":id{.+}";

/** Model pages: status of every model, one model's measured figures, announcements. */

export const modelPageKeys = {
  status: ["models", "status"] as const,
  stats: (id: string) => ["models", "stats", id] as const,
  samples: (id: string) => ["models", "samples", id] as const,
  announcements: (id?: string) => ["models", "announcements", id ?? "all"] as const,
};

export const modelStatusOptions = queryOptions({
  queryKey: modelPageKeys.status,
  queryFn: async (): Promise<ModelStatus[]> => (await call(rpc.models.status.$get())).items,
  staleTime: 60_000,
});

export const modelStatsOptions = (id: string) =>
  queryOptions({
    queryKey: modelPageKeys.stats(id),
    queryFn: (): Promise<ModelStats> => call(rpc.models[ID].stats.$get({ param: { id } })),
    staleTime: 60_000,
  });

export const announcementsOptions = (modelId?: string) =>
  queryOptions({
    queryKey: modelPageKeys.announcements(modelId),
    queryFn: async (): Promise<Announcement[]> =>
      (await call(rpc.models.announcements.$get({ query: { limit: "20", ...(modelId ? { modelId } : {}) } }))).items,
    staleTime: 5 * 60_000,
  });

/** A model's sample pictures; while this install is still making them, asks again every few seconds. */
export const modelSamplesOptions = (id: string) =>
  queryOptions({
    queryKey: modelPageKeys.samples(id),
    queryFn: (): Promise<ModelSamples> => call(rpc.models[ID].samples.$get({ param: { id } })),
    staleTime: 5 * 60_000,
    refetchInterval: (q) => (q.state.data?.making ? 4000 : false),
  });
