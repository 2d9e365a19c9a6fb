import { and, eq } from "drizzle-orm";
import type { Deps } from "../context";
import { images } from "../db/schema";
import { ProviderError, type Operation, type ProviderInput } from "../providers/types";
import { type JobRow, resultOwnerOf } from "./queue.repo";

async function readAll(deps: Deps, key: string): Promise<Buffer> {
  const obj = await deps.storage.get(key);
  if (!obj) throw new ProviderError("validation", "A source image of this job is no longer available", false);
  const chunks: Buffer[] = [];
  for await (const c of obj.body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** The original bytes of one of the job owner's images (trashed ones included: derivations may start there). */
async function imageBytes(deps: Deps, userId: string, imageId: string): Promise<Buffer> {
  const [row] = await deps.database.db
    .select({ filePath: images.filePath })
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.userId, userId)));
  if (!row) throw new ProviderError("validation", "The source image was deleted", false);
  return readAll(deps, row.filePath);
}

type StoredRef = { imageId?: string; key?: string };
type StoredConditioning = {
  control?: StoredRef & { type: "canny" | "depth" | "pose"; strength: number };
  imagePrompts?: (StoredRef & { weight: number })[];
};

function refBytes(deps: Deps, userId: string, ref: StoredRef): Promise<Buffer> {
  if (ref.imageId) return imageBytes(deps, userId, ref.imageId);
  if (ref.key) return readAll(deps, ref.key);
  throw new ProviderError("validation", "A conditioning image of this job has no source", false);
}

/** ControlNet and image-prompt bytes of a text-to-image job (see text-to-image.service's ConditioningInputs). */
async function conditioning(
  deps: Deps,
  userId: string,
  stored: StoredConditioning,
): Promise<Pick<ProviderInput, "control" | "imagePrompts">> {
  const out: Pick<ProviderInput, "control" | "imagePrompts"> = {};
  if (stored.control) {
    out.control = {
      type: stored.control.type,
      strength: stored.control.strength,
      image: await refBytes(deps, userId, stored.control),
    };
  }
  if (stored.imagePrompts?.length) {
    out.imagePrompts = await Promise.all(
      stored.imagePrompts.map(async (p) => ({ weight: p.weight, image: await refBytes(deps, userId, p) })),
    );
  }
  return out;
}

/** The bytes of a job's source image (its own image or upload), or undefined when it has none. */
export async function sourceBytes(deps: Deps, job: JobRow): Promise<Buffer | undefined> {
  const inputs = job.inputs as { sourceImageId?: string; sourceKey?: string };
  if (inputs.sourceImageId) return imageBytes(deps, resultOwnerOf(job), inputs.sourceImageId);
  if (inputs.sourceKey) return readAll(deps, inputs.sourceKey);
  return undefined;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Turns a queued job into the provider contract, loading source/mask/style bytes from storage. */
export async function buildProviderInput(deps: Deps, job: JobRow): Promise<ProviderInput> {
  const p = job.parameters as Record<string, unknown>;
  const inputs = job.inputs as {
    sourceImageId?: string;
    sourceKey?: string;
    maskKey?: string;
    styleImageId?: string;
    styleKey?: string;
    extend?: ProviderInput["extend"];
  };
  const { width, height, numImages, seed, guidanceScale, steps, strength, scale, aspectRatio: _a, ...extra } = p;
  const sourceImage = await sourceBytes(deps, job);
  const styleImage = inputs.styleImageId
    ? await imageBytes(deps, resultOwnerOf(job), inputs.styleImageId)
    : inputs.styleKey
      ? await readAll(deps, inputs.styleKey)
      : undefined;
  return {
    operation: job.operation as Operation,
    modelId: job.modelId,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt || undefined,
    width: num(width) ?? 1024,
    height: num(height) ?? 1024,
    numImages: num(numImages) ?? 1,
    seed: num(seed) ?? 0,
    guidanceScale: num(guidanceScale),
    steps: num(steps),
    strength: num(strength),
    scale: num(scale),
    sourceImage,
    maskImage: inputs.maskKey ? await readAll(deps, inputs.maskKey) : undefined,
    styleImage,
    extend: inputs.extend,
    ...(await conditioning(deps, resultOwnerOf(job), job.inputs as StoredConditioning)),
    extra,
  };
}
