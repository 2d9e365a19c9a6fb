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
import { api } from "@/lib/api";

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
    queryFn: () => api<{ items: BatchSummary[]; nextCursor: string | null }>("/api/generate/batch?limit=50"),
    staleTime: 5_000,
  });

export const batchQuery = (id: string) =>
  queryOptions({
    queryKey: batchKeys.detail(id),
    queryFn: () => api<Batch>(`/api/generate/batch/${id}`),
    staleTime: 2_000,
  });

export const batchJobsQuery = (id: string) =>
  queryOptions({
    queryKey: batchKeys.jobs(id),
    queryFn: async () => (await api<{ items: BatchJobItem[] }>(`/api/generate/batch/${id}/jobs`)).items,
    staleTime: 2_000,
  });

export const presetsQuery = () =>
  queryOptions({
    queryKey: batchKeys.presets(),
    queryFn: async () => (await api<{ items: BatchPreset[] }>("/api/generate/batch/presets")).items,
    staleTime: 60_000,
  });

export const lineQuery = () =>
  queryOptions({
    queryKey: batchKeys.line(),
    queryFn: async () => (await api<{ items: (QueueRef & { priority: number })[] }>("/api/generate/line")).items,
    staleTime: 5_000,
  });

type Body = BatchRequest & Record<string, unknown>;
export const previewBatch = (body: Body) => api<BatchPreview>("/api/generate/batch/preview", { method: "POST", body });
export const createBatch = (body: Body) =>
  api<{ id: string; total: number; estimatedCredits: number }>("/api/generate/batch", { method: "POST", body });
export const batchAction = (id: string, action: "pause" | "resume" | "cancel" | "retry-failed") =>
  api<Batch & { refunded?: { jobs: number; credits: number }; retried?: number }>(
    `/api/generate/batch/${id}/${action}`,
    { method: "POST", body: {} },
  );
export const reorderLine = (body: QueueReorder) =>
  api<{ items: QueueRef[] }>("/api/generate/queue/reorder", {
    method: "POST",
    body: body as unknown as Record<string, unknown>,
  });
export const savePreset = (name: string, config: Record<string, unknown>) =>
  api<BatchPreset>("/api/generate/batch/presets", { method: "POST", body: { name, config } });
export const deletePreset = (id: string) => api<void>(`/api/generate/batch/presets/${id}`, { method: "DELETE" });
export const exportUrl = (id: string) => `/api/generate/batch/${id}/export`;
