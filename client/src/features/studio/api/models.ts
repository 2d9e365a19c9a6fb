import type { CatalogModel } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

/** A catalog entry as GET /api/models serves it: the spec plus whether an engine can run it now. */
export type ModelEntry = CatalogModel & { isActive: boolean; available: boolean; unavailableReason?: string };

export const modelsQuery = queryOptions({
  queryKey: ["models"],
  queryFn: async () => (await api<{ items: ModelEntry[] }>("/api/models")).items,
  staleTime: 5 * 60_000,
});
