import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Control, useWatch } from "react-hook-form";
import { estimateQuery } from "../api/generate";
import type { ModelEntry } from "../api/models";
import { type StudioValues, toRequest } from "../lib/form";
import { useDebouncedValue } from "@/lib/use-debounced-value";

/** The server's cost estimate for the current settings, debounced while the user edits (none for unavailable models). */
export function useCostEstimate(control: Control<StudioValues>, model: ModelEntry, fallback: StudioValues) {
  const watched = useWatch({ control });
  const input = useMemo(() => {
    if (!model.available) return null;
    const { modelId, parameters } = toRequest({ ...fallback, ...watched, params: { ...watched.params } } as StudioValues, model);
    return { modelId, parameters };
  }, [watched, model, fallback]);
  return useQuery(estimateQuery(useDebouncedValue(input, 400)));
}
