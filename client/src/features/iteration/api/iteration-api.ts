import type {
  AnimateRequest,
  ImageToImageRequest,
  InpaintRequest,
  Job,
  Lineage,
  OutpaintRequest,
  RemixRequest,
  RemoveBackgroundRequest,
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
import { ApiError } from "@/lib/api";
import { call, formBody, rpc } from "@/lib/rpc";
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
    queryFn: (): Promise<Lineage> => call(rpc.iteration.images[":id"].lineage.$get({ param: { id: imageId } })),
  });

export const uploadImage = (file: Blob, purpose: UploadPurpose, name = "upload.png"): Promise<UploadResponse> => {
  const form = new FormData();
  form.set("file", file, name);
  form.set("purpose", purpose);
  return call(rpc.iteration.uploads.$post(undefined, formBody(form)));
};

type Derive =
  | { kind: "variation"; body: VariationRequest }
  | { kind: "upscale"; body: UpscaleRequest }
  | { kind: "remix"; body: RemixRequest }
  | { kind: "remove-background"; body: RemoveBackgroundRequest }
  | { kind: "inpaint"; body: InpaintRequest }
  | { kind: "outpaint"; body: OutpaintRequest }
  | { kind: "style-transfer"; body: StyleTransferRequest }
  | { kind: "animate"; body: AnimateRequest };

/** The typed call of each derivation (animate lives in the video module, the others in iteration). */
function derive(id: string, d: Derive): Promise<Job> {
  const img = rpc.iteration.images[":id"];
  const param = { id };
  switch (d.kind) {
    case "variation":
      return call(img.variation.$post({ param, json: d.body }));
    case "upscale":
      return call(img.upscale.$post({ param, json: d.body }));
    case "remix":
      return call(img.remix.$post({ param, json: d.body }));
    case "remove-background":
      return call(img["remove-background"].$post({ param, json: d.body }));
    case "inpaint":
      return call(img.inpaint.$post({ param, json: d.body }));
    case "outpaint":
      return call(img.outpaint.$post({ param, json: d.body }));
    case "style-transfer":
      return call(img["style-transfer"].$post({ param, json: d.body }));
    case "animate":
      return call(rpc.video[":id"].animate.$post({ param, json: d.body }));
  }
}

/**
 * Queues one derivation of an image; its progress and results then show in place (image page, lightbox) as well
 * as in the queue like any generation.
 */
export function useDerive(imageId: string, opts: { onQueued?: (job: Job) => void } = {}) {
  const { t } = useTranslation("iteration");
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Derive): Promise<Job> => derive(imageId, d),
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
export const generate = (body: TextToImageRequest): Promise<Job> => call(rpc.generate["text-to-image"].$post({ json: body }));

/** Image-to-image from one of your images or an upload. */
export const imageToImage = (body: ImageToImageRequest): Promise<Job> => call(rpc.iteration.generate["image-to-image"].$post({ json: body }));
