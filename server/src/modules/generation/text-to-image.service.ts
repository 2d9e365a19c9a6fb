/**
 * Text-to-image as the API takes it: the project's defaults (prompt prefix, default parameters for its default
 * model), multi-prompt checks and the conditioning images (ControlNet, image prompts) resolved to the caller's own
 * images or uploads — someone else's id is a 404 — then queued by the generation service. Into a project shared
 * with the caller (editor or admin), its owner's defaults apply and conditioning images are stored by file key,
 * since the job reads its image ids in the owner's scope.
 */
import { type ApiMessage, check, type ImageRole } from "../../i18n/api";
import {
  conditioningProblem,
  type ControlType,
  multiPromptProblem,
  type textToImageRequestSchema,
} from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { projects } from "../../db/schema";
import { AppError, notFound } from "../../lib/errors";
import { source } from "../iteration/iteration.service";
import { imageScope } from "../teams/teams.access";
import { findUpload } from "../uploads/uploads.service";
import { enqueue, targetScope } from "./generation.service";

type Body = z.output<typeof textToImageRequestSchema>;

/** A stored reference to a conditioning image: one of the owner's images, or an upload's storage key. */
export type ImageRef = { imageId: string } | { key: string };
export interface ConditioningInputs {
  control?: { type: ControlType; strength: number } & ImageRef;
  imagePrompts?: ({ weight: number } & ImageRef)[];
}

function invalid(path: string[], message: ApiMessage): never {
  throw new AppError("VALIDATION_FAILED", message, { issues: [{ path, message }] });
}

async function resolveRef(ctx: Ctx, ref: { imageId?: string; uploadId?: string }, what: ImageRole, byKey: boolean): Promise<ImageRef> {
  if (ref.imageId) {
    // Into a shared project, the caller's own images or the shared ones they can see.
    const img = await source(byKey ? await imageScope(ctx, ref.imageId, "viewer") : ctx, ref.imageId, what);
    return byKey ? { key: img.filePath } : { imageId: img.id };
  }
  return { key: (await findUpload(ctx, ref.uploadId!, what)).key };
}

/** `byKey`: store the caller's images by file key (a job whose results land in another user's scope). */
export async function resolveConditioning(ctx: Ctx, body: Pick<Body, "modelId" | "controlNet" | "imagePrompts">, byKey = false): Promise<ConditioningInputs> {
  const problem = conditioningProblem(body.modelId, body.controlNet, body.imagePrompts);
  if (problem) invalid([body.controlNet && problem.includes("control") ? "controlNet" : "imagePrompts"], problem);
  const out: ConditioningInputs = {};
  if (body.controlNet) {
    const { type, strength } = body.controlNet;
    out.control = { type, strength, ...(await resolveRef(ctx, body.controlNet, "controlImage", byKey)) };
  }
  if (body.imagePrompts?.length) {
    out.imagePrompts = [];
    for (const p of body.imagePrompts) out.imagePrompts.push({ weight: p.weight, ...(await resolveRef(ctx, p, "referenceImage", byKey)) });
  }
  return out;
}

/** The project's prompt prefix and, for its default model, its default parameters under the request's own. */
async function applyProjectDefaults(scope: Ctx, body: Body): Promise<Body> {
  if (!body.projectId) return body;
  const [row] = await scope.db
    .select({ settings: projects.settings })
    .from(projects)
    .where(and(eq(projects.id, body.projectId), eq(projects.userId, scope.user.id)));
  if (!row) throw notFound("project");
  const { promptPrefix, defaultModelId, defaultParameters } = row.settings;
  let prompt = body.prompt;
  const prefix = promptPrefix?.trim();
  if (prefix && !prompt.toLowerCase().startsWith(prefix.toLowerCase())) {
    prompt = /[,.;:]$/.test(prefix) ? `${prefix} ${prompt}` : `${prefix}, ${prompt}`;
  }
  const parameters =
    defaultParameters && defaultModelId === body.modelId ? { ...defaultParameters, ...body.parameters } : body.parameters;
  return { ...body, prompt, parameters };
}

export async function enqueueTextToImage(ctx: Ctx, input: Body) {
  const multi = multiPromptProblem(input.prompt);
  if (multi) invalid(["prompt"], check(multi));
  const scope = await targetScope(ctx, input.projectId);
  const body = await applyProjectDefaults(scope, input);
  const { controlNet, imagePrompts, ...rest } = body;
  const inputs = await resolveConditioning(ctx, { modelId: body.modelId, controlNet, imagePrompts }, scope !== ctx);
  return enqueue(ctx, { operation: "text-to-image", ...rest, inputs: { ...inputs } });
}
