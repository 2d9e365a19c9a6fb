import type { ModelSamples } from "@image-studio/shared";
import { type ApiKey, renderApi } from "../../i18n/api";
import { and, eq } from "drizzle-orm";
import type { Deps } from "../../context";
import { modelSamples } from "../../db/schema";

/**
 * Sample images of a model: made once per install by the model itself from fixed prompts, and kept. Only the
 * local engine makes them on its own (free, offline); a fal.ai model would spend real money on every install,
 * so its page says there are no samples rather than showing someone else's pictures.
 */

export const SAMPLE_PROMPTS = [
  "a lighthouse on a cliff at dusk under a violet sky",
  "a bowl of ripe fruit on a wooden table, soft window light",
  "a red fox in a snowy pine forest",
] as const;
const SAMPLE_SIZE = 512;

const making = new Map<string, Promise<void>>();

const EXT: Record<string, string> = { "image/png": "png", "image/webp": "webp", "image/jpeg": "jpg" };
const sampleKey = (modelId: string, index: number, contentType: string) =>
  `system/model-samples/${modelId.replace(/[^a-z0-9-]+/gi, "_")}/${index}.${EXT[contentType] ?? "png"}`;

async function make(deps: Deps, modelId: string, missing: number[]) {
  const provider = deps.providers.forModel(modelId);
  const spec = await deps.catalog.get(modelId);
  for (const i of missing) {
    const prompt = SAMPLE_PROMPTS[i]!;
    const { requestId } = await provider.submit({
      operation: "text-to-image",
      modelId,
      prompt,
      width: SAMPLE_SIZE,
      height: SAMPLE_SIZE,
      numImages: 1,
      seed: 1000 + i,
      steps: spec?.recommended.steps,
      extra: {},
    });
    const result = await provider.result(modelId, requestId);
    const img = result.images[0];
    if (!img) continue;
    const key = sampleKey(modelId, i, img.contentType);
    await deps.storage.put(key, img.data, { contentType: img.contentType, cacheControl: "public, max-age=86400" });
    await deps.database.db
      .insert(modelSamples)
      .values({ modelId, prompt, storageKey: key, contentType: img.contentType, width: img.width, height: img.height })
      .onConflictDoNothing();
  }
}

/** The model's samples; starts making the missing ones (local engine only) and says so, in `language`. */
export async function samples(deps: Deps, modelId: string, language = "en"): Promise<ModelSamples | null> {
  const model = await deps.catalog.get(modelId);
  if (!model) return null;
  const rows = await deps.database.db.select().from(modelSamples).where(eq(modelSamples.modelId, modelId));
  const items = SAMPLE_PROMPTS.flatMap((prompt) => {
    const r = rows.find((x) => x.prompt === prompt);
    return r ? [{ prompt, url: `/api/models/samples/${r.id}`, width: r.width, height: r.height }] : [];
  });
  const canMake = model.provider === "local" && model.available && model.operations.includes("text-to-image");
  const missing = SAMPLE_PROMPTS.map((p, i) => (rows.some((r) => r.prompt === p) ? -1 : i)).filter((i) => i >= 0);
  if (canMake && missing.length && !making.has(modelId)) {
    const run = make(deps, modelId, missing)
      .catch((err: unknown) => deps.log.warn("model samples failed", { modelId, err }))
      .finally(() => making.delete(modelId));
    making.set(modelId, run);
  }
  const note = (key: ApiKey) => renderApi(language, key);
  if (items.length) return { items, source: "generated", making: !!(missing.length && canMake), ...(missing.length && canMake ? { note: note("samples.makingMore") } : {}) };
  if (canMake) return { items, source: "none", making: true, note: note("samples.making") };
  return { items, source: "none", making: false, note: note(model.provider === "local" ? "samples.ownImagesOnly" : "samples.falCosts") };
}

/** Test hook: resolves when samples being made for the model are done. */
export const samplesSettled = (modelId: string) => making.get(modelId) ?? Promise.resolve();

export async function sampleFile(deps: Deps, id: string) {
  const [row] = await deps.database.db.select().from(modelSamples).where(and(eq(modelSamples.id, id)));
  return row ?? null;
}
