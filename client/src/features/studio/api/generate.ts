import type { CostEstimate, GenerationParameters, Job } from "@image-studio/shared";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";
import type { StudioRequest } from "../lib/form";

export const submitTextToImage = (request: StudioRequest & { clientId: string }) =>
  api<Job>("/api/generate/text-to-image", { method: "POST", body: { ...request } });

export const estimateKey = ["estimate"] as const;

export function estimateQuery(input: { modelId: string; parameters: GenerationParameters } | null) {
  return queryOptions({
    queryKey: [...estimateKey, input],
    queryFn: () => api<CostEstimate>("/api/generate/estimate", { method: "POST", body: { ...input!, operation: "text-to-image" } }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
