import type { CostEstimate, GenerationParameters, Job } from "@image-studio/shared";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import type { StudioRequest } from "../lib/form";

export const submitTextToImage = (request: StudioRequest & { clientId: string }): Promise<Job> =>
  call(rpc.generate["text-to-image"].$post({ json: request }));

export const estimateKey = ["estimate"] as const;

export function estimateQuery(input: { modelId: string; parameters: GenerationParameters } | null) {
  return queryOptions({
    queryKey: [...estimateKey, input],
    queryFn: (): Promise<CostEstimate> => call(rpc.generate.estimate.$post({ json: { ...input!, operation: "text-to-image" } })),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
