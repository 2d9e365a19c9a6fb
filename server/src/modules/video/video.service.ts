/**
 * Image-to-video: a derivation like the others (durable queue, credits held/charged/refunded, lineage), whose
 * result is stored as a video (jobs/ingest.ts). Team editors animate a shared project's images into it (iteration.scope). Saving frames lives in frames.service.ts.
 */
import { findModel } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { ifAccepted, pickModel, run } from "../iteration/iteration.service";
import { derivable } from "../iteration/iteration.scope";

export interface AnimateBody {
  prompt?: string;
  negativePrompt?: string;
  duration?: number;
  motion?: string;
  modelId?: string;
  clientId?: string;
  projectId?: string | null;
  lockSeed: boolean;
}

export async function animate(ctx: Ctx, id: string, body: AnimateBody) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  const modelId = pickModel(ctx, "image-to-video", body.modelId);
  const model = findModel(modelId);
  const parameters = {
    width: src.width,
    height: src.height,
    ...ifAccepted(modelId, "image-to-video", "duration", body.duration),
    ...ifAccepted(modelId, "image-to-video", "motion", body.motion),
  };
  return run(ctx, src, "image-to-video", {
    ...body,
    projectId,
    prompt: body.prompt || src.prompt,
    negativePrompt: model?.supportsNegativePrompt ? body.negativePrompt : undefined,
    modelId,
    parameters,
  });
}
