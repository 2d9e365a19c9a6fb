/**
 * Derivations of an existing image (variation, upscale, remix, inpaint, outpaint, background removal, style
 * transfer). Every derivation goes through generation.enqueue, so it is validated against the
 * catalog, holds credits and answers with the same Job as a generation; ingest stores parentImageId + operation.
 */
import { check, msg } from "../../i18n/api";
import {
  DEFAULT_ITERATION_MODELS,
  findModel,
  type Job,
  LORA_MODEL_ID,
  nearestAspectRatio,
  type Operation,
  paramsFor,
  UPSCALE_MAX_PIXELS,
  upscaleLimitMessage,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import { AppError } from "../../lib/errors";
import type { JobRow } from "../../jobs/queue.repo";
import * as generation from "../generation/generation.service";
import { findUpload } from "../uploads/uploads.service";
import { derivable, referenceKey, type Source, source } from "./iteration.scope";

type Params = Record<string, unknown>;
export { source } from "./iteration.scope";

/** The caller's model, else the engine's default for the operation (fal with FAL_KEY, else local). */
export function pickModel(ctx: Ctx, operation: Exclude<Operation, "text-to-image">, requested?: string): string {
  if (requested) return requested;
  const d = DEFAULT_ITERATION_MODELS[operation];
  return ctx.deps.env.FAL_KEY ? d.fal : d.local;
}

/** Adds `value` under `key` only where the model takes that parameter for this operation. */
export function ifAccepted(modelId: string, operation: Operation, key: string, value: unknown): Params {
  if (value === undefined) return {};
  const model = findModel(modelId);
  if (model && !paramsFor(model, operation).some((p) => p.key === key)) return {};
  return { [key]: value };
}

function lockedSeed(src: Source, lock: boolean): Params {
  const seed = src.parameters?.seed;
  return lock && typeof seed === "number" ? { seed } : {};
}

/** An aspect ratio the model accepts, shaped like the source (for canvas-sized operations). */
function shapeOf(modelId: string, src: { width: number; height: number }): Params {
  const allowed = findModel(modelId)?.aspectRatios;
  return { aspectRatio: nearestAspectRatio(src.width, src.height, allowed).id };
}

interface Common {
  modelId?: string;
  clientId?: string;
  projectId?: string | null;
  lockSeed: boolean;
}

export async function run(
  ctx: Ctx,
  src: Source,
  op: Exclude<Operation, "text-to-image">,
  input: Common & {
    prompt?: string;
    negativePrompt?: string;
    parameters: Params;
    inputs?: Params;
    modelId: string;
    reserveCredits?: number;
  },
) {
  const { job } = await generation.enqueue(ctx, {
    operation: op,
    prompt: input.prompt ?? src.prompt,
    negativePrompt: input.negativePrompt ?? src.negativePrompt,
    modelId: input.modelId,
    parameters: { ...input.parameters, ...lockedSeed(src, input.lockSeed) },
    projectId: input.projectId === undefined ? src.projectId : input.projectId,
    clientId: input.clientId,
    parentImageId: src.id,
    inputs: { sourceImageId: src.id, ...input.inputs },
    reserveCredits: input.reserveCredits,
  });
  return job;
}

export const view = (ctx: Ctx, job: JobRow): Promise<Job> => generation.toView(ctx, job);

export async function variation(ctx: Ctx, id: string, body: Common & { count: number; strength?: number }) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  const modelId = pickModel(ctx, "variation", body.modelId);
  const parameters = {
    numImages: body.count,
    ...shapeOf(modelId, src),
    ...ifAccepted(modelId, "variation", "strength", body.strength),
  };
  return run(ctx, src, "variation", { ...body, projectId, modelId, parameters });
}

/** The size an upscale ends at, or a 400 naming the limit. */
export function upscaleTarget(width: number, height: number, scale: number) {
  const refused = upscaleLimitMessage(width, height, scale);
  if (refused) {
    const mp = Math.round(UPSCALE_MAX_PIXELS / 1_000_000);
    throw new AppError("VALIDATION_FAILED", check(refused), { issues: [{ path: ["scale"], message: msg("issue.atMostMegapixels", { mp }) }] });
  }
  return { width: width * scale, height: height * scale };
}

/**
 * 8× = 4× then 2×. The first job carries the second pass in `inputs.then` and holds the credits of both; the
 * worker queues the second pass in the transaction that completes the first (jobs/follow-up.ts), under a
 * clientId derived from the first job, so it happens exactly once whichever process runs or restarts.
 */
export async function upscale(ctx: Ctx, id: string, body: Common & { scale: 2 | 4 | 8 }) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  upscaleTarget(src.width, src.height, body.scale);
  const modelId = pickModel(ctx, "upscale", body.modelId);
  if (body.scale !== 8) {
    const parameters = { width: src.width, height: src.height, scale: body.scale };
    return run(ctx, src, "upscale", { ...body, projectId, modelId, parameters });
  }
  const mid = { width: src.width * 4, height: src.height * 4, scale: 2 };
  const second = await generation.costEstimate(ctx, { modelId, operation: "upscale", parameters: mid });
  const then = { operation: "upscale", scale: 2, credits: second.credits, lockSeed: body.lockSeed };
  return run(ctx, src, "upscale", {
    ...body,
    projectId,
    modelId,
    parameters: { width: src.width, height: src.height, scale: 4 },
    inputs: { passes: [4, 2], then },
    reserveCredits: second.credits,
  });
}

export async function remix(
  ctx: Ctx,
  id: string,
  body: Common & {
    prompt?: string;
    negativePrompt?: string;
    parameters?: Params;
    strength?: number;
    loras?: { path: string; scale: number }[];
  },
) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  const modelId = body.modelId ?? (body.loras?.length ? LORA_MODEL_ID : pickModel(ctx, "image-to-image"));
  const parameters = {
    ...body.parameters,
    width: src.width,
    height: src.height,
    ...(body.strength !== undefined ? { strength: body.strength } : {}),
    ...(body.loras ? { loras: body.loras } : {}),
  };
  return run(ctx, src, "image-to-image", { ...body, projectId, prompt: body.prompt || src.prompt, modelId, parameters });
}

export async function imageToImage(
  ctx: Ctx,
  body: {
    prompt: string;
    negativePrompt: string;
    modelId: string;
    parameters: Params;
    projectId?: string | null;
    clientId?: string;
    priority: number;
    sourceImageId?: string;
    uploadId?: string;
    strength?: number;
  },
) {
  const extra = body.strength === undefined ? {} : { strength: body.strength };
  const base = {
    operation: "image-to-image" as const,
    prompt: body.prompt,
    negativePrompt: body.negativePrompt,
    modelId: body.modelId,
    projectId: body.projectId,
    clientId: body.clientId,
    priority: body.priority,
  };
  if (body.sourceImageId) {
    const { src, projectId } = await derivable(ctx, body.sourceImageId, body.projectId, "sourceImage");
    base.projectId = projectId;
    const parameters = { width: src.width, height: src.height, ...body.parameters, ...extra };
    return (
      await generation.enqueue(ctx, { ...base, parameters, parentImageId: src.id, inputs: { sourceImageId: src.id } })
    ).job;
  }
  const up = await findUpload(ctx, body.uploadId!);
  const parameters = { width: up.width, height: up.height, ...body.parameters, ...extra };
  return (await generation.enqueue(ctx, { ...base, parameters, inputs: { sourceKey: up.key } })).job;
}

export async function inpaint(
  ctx: Ctx,
  id: string,
  body: Common & {
    maskUploadId: string;
    prompt: string;
    negativePrompt?: string;
    parameters?: Params;
    strength?: number;
  },
) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  const mask = await findUpload(ctx, body.maskUploadId, "mask");
  if (mask.width !== src.width || mask.height !== src.height) {
    const message = msg("iteration.maskSize", { maskWidth: mask.width, maskHeight: mask.height, width: src.width, height: src.height });
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["maskUploadId"], message }] });
  }
  const modelId = pickModel(ctx, "inpaint", body.modelId);
  const parameters = {
    ...body.parameters,
    width: src.width,
    height: src.height,
    ...ifAccepted(modelId, "inpaint", "strength", body.strength),
  };
  return run(ctx, src, "inpaint", { ...body, projectId, modelId, parameters, inputs: { maskKey: mask.key } });
}

export async function outpaint(
  ctx: Ctx,
  id: string,
  body: Common & {
    extend: { top: number; right: number; bottom: number; left: number };
    prompt?: string;
    negativePrompt?: string;
    parameters?: Params;
  },
) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  const e = body.extend;
  const w = src.width + e.left + e.right;
  const h = src.height + e.top + e.bottom;
  if (w > 8192 || h > 8192) {
    const message = msg("iteration.canvasTooLarge", { width: w, height: h, max: 8192 });
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["extend"], message }] });
  }
  const modelId = pickModel(ctx, "outpaint", body.modelId);
  const parameters = { ...body.parameters, width: src.width, height: src.height };
  return run(ctx, src, "outpaint", {
    ...body,
    projectId,
    prompt: body.prompt || src.prompt,
    modelId,
    parameters,
    inputs: { extend: e },
  });
}

export async function removeBackground(ctx: Ctx, id: string, body: Common & { parameters?: Params }) {
  const { src, projectId } = await derivable(ctx, id, body.projectId);
  const modelId = pickModel(ctx, "remove-background", body.modelId);
  return run(ctx, src, "remove-background", {
    ...body,
    projectId,
    modelId,
    parameters: { ...body.parameters, width: src.width, height: src.height },
  });
}

export async function styleTransfer(
  ctx: Ctx,
  id: string,
  body: Common & {
    styleImageId?: string;
    styleUploadId?: string;
    prompt?: string;
    strength?: number;
    parameters?: Params;
  },
) {
  const { src, projectId, shared } = await derivable(ctx, id, body.projectId);
  const style = body.styleImageId
    ? shared
      ? { styleKey: await referenceKey(ctx, body.styleImageId, "styleImage") }
      : { styleImageId: (await source(ctx, body.styleImageId, "styleImage")).id }
    : { styleKey: (await findUpload(ctx, body.styleUploadId!, "styleImage")).key };
  const modelId = pickModel(ctx, "style-transfer", body.modelId);
  const parameters = {
    ...shapeOf(modelId, src),
    ...body.parameters,
    ...ifAccepted(modelId, "style-transfer", "strength", body.strength),
  };
  return run(ctx, src, "style-transfer", { ...body, projectId, modelId, parameters, inputs: style });
}
