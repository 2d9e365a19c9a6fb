import type {
  AnimateRequest,
  InpaintRequest,
  Job,
  Lineage,
  OutpaintRequest,
  RemixRequest,
  StyleTransferRequest,
  TextToImageRequest,
  UploadPurpose,
  UploadResponse,
  UpscaleRequest,
  VariationRequest,
} from "@image-studio/shared";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ApiError, api } from "@/lib/api";
import { jobKeys, storeJob } from "@/lib/jobs/job-api";
import { sessionKeys } from "@/lib/session";
import { trackInplaceJob } from "../lib/inplace-jobs";

export { type ModelEntry, modelsQuery as modelsOptions } from "@/lib/models";

export const iterationKeys = {
  lineage: (id: string) => ["iteration", "lineage", id] as const,
};

export const lineageOptions = (imageId: string) =>
  queryOptions({
    queryKey: iterationKeys.lineage(imageId),
    queryFn: () => api<Lineage>(`/api/images/${imageId}/lineage`),
  });

export const uploadImage = (file: Blob, purpose: UploadPurpose, name = "upload.png") => {
  const form = new FormData();
  form.set("file", file, name);
  form.set("purpose", purpose);
  return api<UploadResponse>("/api/uploads", { method: "POST", body: form });
};

type Derive =
  | { kind: "variation"; body: VariationRequest }
  | { kind: "upscale"; body: UpscaleRequest }
  | { kind: "remix"; body: RemixRequest }
  | { kind: "remove-background"; body: Record<string, unknown> }
  | { kind: "inpaint"; body: InpaintRequest }
  | { kind: "outpaint"; body: OutpaintRequest }
  | { kind: "style-transfer"; body: StyleTransferRequest }
  | { kind: "animate"; body: AnimateRequest };

/**
 * Queues one derivation of an image; its progress and results then show in place (image page, lightbox) as well
 * as in the queue like any generation.
 */
export function useDerive(imageId: string, opts: { onQueued?: (job: Job) => void } = {}) {
  const { t } = useTranslation("iteration");
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Derive): Promise<Job> =>
      api<Job>(`/api/images/${imageId}/${d.kind}`, { method: "POST", body: d.body as Record<string, unknown> }),
    onSuccess: (job, d) => {
      toast.success(t("derive.queued", { label: t(`kind.${d.kind}`) }), { description: t("derive.queuedHint") });
      storeJob(qc, job);
      trackInplaceJob(imageId, { jobId: job.id, kind: d.kind });
      opts.onQueued?.(job);
      void qc.invalidateQueries({ queryKey: jobKeys.lists() });
      void qc.invalidateQueries({ queryKey: sessionKeys.me }); // credits were held
      void qc.invalidateQueries({ queryKey: iterationKeys.lineage(imageId) });
      return job;
    },
    onError: (err, d) =>
      toast.error(t("derive.failed", { label: t(`kind.${d.kind}`) }), {
        description: err instanceof ApiError ? err.message : t("common.tryAgain"),
      }),
  });
}

/** Text-to-image as the A/B test uses it (the same seed on both sides). */
export const generate = (body: TextToImageRequest) =>
  api<Job>("/api/generate/text-to-image", { method: "POST", body: body as Record<string, unknown> });
