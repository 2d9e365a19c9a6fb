import type { GlobalSearchQuery, GlobalSearchResponse } from "@image-studio/shared";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import { orLocal } from "@/lib/local-first";
import { localSearch } from "./local-search";

export type SearchArgs = Partial<GlobalSearchQuery> & { q: string };

function params(a: SearchArgs) {
  return {
    q: a.q.trim(),
    type: a.type ?? "all",
    limit: String(a.limit ?? 20),
    ...(a.favorite !== undefined ? { favorite: a.favorite ? ("true" as const) : ("false" as const) } : {}),
    ...(a.modelId ? { modelId: a.modelId } : {}),
    ...(a.archived ? { archived: "true" as const } : {}),
  };
}

/** GET /api/search, or the same search over the device's copy when offline (the result says which). */
export const searchQuery = (a: SearchArgs) =>
  queryOptions({
    queryKey: ["search", a.q.trim(), a.type ?? "all", a.limit ?? 20, a.favorite ?? null, a.modelId ?? null, a.archived ?? false] as const,
    queryFn: () =>
      orLocal<GlobalSearchResponse & { offline?: boolean }>(
        (): Promise<GlobalSearchResponse> => call(rpc.search.index.$get({ query: params(a) })),
        async () => ({
          ...(await localSearch({ q: a.q.trim(), type: a.type ?? "all", limit: a.limit ?? 20, favorite: a.favorite, modelId: a.modelId, archived: a.archived })),
          offline: true,
        }),
      ),
    enabled: a.q.trim().length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
