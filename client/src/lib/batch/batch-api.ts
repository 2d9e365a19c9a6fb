/** Batches over HTTP: query options and calls shared by the batch page and the queue page. */
import type {
  Batch,
  BatchPreset,
  BatchPreview,
  BatchRequest,
  BatchSummary,
  QueueRef,
  QueueReorder,
} from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

const B = rpc.batch;

export interface BatchJobItem {
  id: string;
  index: number;
  status: "pending" | "processing" | "completed" | "failed" | "cancelled";
  prompt: string;
  modelId: string;
  seed: number | null;
  progress: number;
  imageIds: string[];
  errorMessage: string | null;
  etaSeconds: number | null;
}

export const batchKeys = {
  all: ["batches"] as const,
  list: () => ["batches", "list"] as const,
  detail: (id: string) => ["batches", "detail", id] as const,
  jobs: (id: string) => ["batches", "jobs", id] as const,
  presets: () => ["batches", "presets"] as const,
  line: () => ["batches", "line"] as const,
};

export const FINISHED = new Set(["completed", "failed", "cancelled"]);

export const batchesQuery = () =>
  queryOptions({
    queryKey: batchKeys.list(),
    queryFn: (): Promise<{ items: BatchSummary[]; nextCursor: string | null }> => call(B.index.$get({ query: { limit: "50" } })),
    staleTime: 5_000,
  });

export const batchQuery = (id: string) =>
  queryOptions({
    queryKey: batchKeys.detail(id),
    queryFn: (): Promise<Batch> => call(B[":id"].$get({ param: { id } })),
    staleTime: 2_000,
  });

export const batchJobsQuery = (id: string) =>
  queryOptions({
    queryKey: batchKeys.jobs(id),
    queryFn: async (): Promise<BatchJobItem[]> => (await call(B[":id"].jobs.$get({ param: { id } }))).items,
    staleTime: 2_000,
  });

export const presetsQuery = () =>
  queryOptions({
    queryKey: batchKeys.presets(),
    queryFn: async (): Promise<BatchPreset[]> => (await call(B.presets.$get())).items,
    staleTime: 60_000,
  });

export const lineQuery = () =>
  queryOptions({
    queryKey: batchKeys.line(),
    queryFn: async (): Promise<(QueueRef & { priority: number })[]> => (await call(rpc.line.index.$get())).items,
    staleTime: 5_000,
  });

export const previewBatch = (body: BatchRequest): Promise<BatchPreview> => call(B.preview.$post({ json: body }));
export const createBatch = (body: BatchRequest): Promise<{ id: string; total: number; estimatedCredits: number }> =>
  call(B.index.$post({ json: body }));

type BatchActionResult = Batch & { refunded?: { jobs: number; credits: number }; retried?: number };
export function batchAction(id: string, action: "pause" | "resume" | "cancel" | "retry-failed"): Promise<BatchActionResult> {
  const param = { id };
  switch (action) {
    case "pause":
      return call(B[":id"].pause.$post({ param }));
    case "resume":
      return call(B[":id"].resume.$post({ param }));
    case "cancel":
      return call(B[":id"].cancel.$post({ param }));
    case "retry-failed":
      return call(B[":id"]["retry-failed"].$post({ param }));
  }
}
export const reorderLine = (body: QueueReorder): Promise<{ items: QueueRef[] }> => call(rpc.reorder.reorder.$post({ json: body }));
export const savePreset = (name: string, config: Record<string, unknown>): Promise<BatchPreset> => call(B.presets.$post({ json: { name, config } }));
export const deletePreset = (id: string) => call(B.presets[":id"].$delete({ param: { id } }));
export const exportUrl = (id: string) => `/api/generate/batch/${id}/export`;
