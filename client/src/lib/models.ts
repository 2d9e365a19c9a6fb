import type { CatalogModel } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "./api";
import { call, rpc } from "./rpc";

const MODELS_KEY = "image-studio:models";

/** A catalog entry as GET /api/models serves it: the spec plus whether an engine can run it now. */
export type ModelEntry = CatalogModel & { isActive: boolean; available: boolean; unavailableReason?: string };

/** The model catalog, one query (and one cache entry) for every screen that needs it. */
export const modelsQuery = queryOptions({
  queryKey: ["models"],
  // The last answer is kept on the device so the studio opens (and can queue generations) offline.
  queryFn: async () => {
    try {
      const items: ModelEntry[] = (await call(rpc.models.index.$get())).items;
      localStorage.setItem(MODELS_KEY, JSON.stringify(items));
      return items;
    } catch (err) {
      const kept = err instanceof ApiError && err.code === "NETWORK" ? localStorage.getItem(MODELS_KEY) : null;
      if (kept) return JSON.parse(kept) as ModelEntry[];
      throw err;
    }
  },
  staleTime: 5 * 60_000,
});
