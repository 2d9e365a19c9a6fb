import { check, msg } from "../../i18n/api";
import {
  findModel,
  type GenerationDefaults,
  type GenerationPreset,
  generationPresetSchema,
  PRESETS_MAX,
  type SavePresetRequest,
  type UpdateGenerationDefaults,
  type UpdateUserSettings,
  type UserSettings,
  validateGenerationParams,
} from "@image-studio/shared";
import { z } from "zod";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { findSettings, lockSettings, type SettingsRow, upsertSettings } from "./settings.repo";

const storedPresets = z.array(z.unknown());

/** Presets as stored; entries that no longer parse (hand-edited rows, older shapes) are skipped, not fatal. */
function presetsOf(row: SettingsRow | undefined): GenerationPreset[] {
  const raw = storedPresets.safeParse(row?.settings?.presets);
  if (!raw.success) return [];
  return raw.data.flatMap((p) => {
    const parsed = generationPresetSchema.safeParse(p);
    return parsed.success ? [parsed.data] : [];
  });
}

function toView(row: SettingsRow | undefined): UserSettings {
  const { presets: _presets, ...misc } = row?.settings ?? {};
  return {
    defaultModelId: row?.defaultModelId ?? null,
    defaultParameters: row?.defaultParameters ?? {},
    theme: (row?.theme as UserSettings["theme"] | undefined) ?? "auto",
    galleryViewMode: (row?.galleryViewMode as UserSettings["galleryViewMode"] | undefined) ?? "grid",
    notificationsEnabled: row?.notificationsEnabled ?? true,
    settings: misc,
    presets: presetsOf(row),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The model must exist and the parameters must fit it; messages point at the field (VALIDATION_FAILED). */
function checkModelParameters(modelId: string | null | undefined, parameters: Record<string, unknown> | undefined, at: string[] = []) {
  if (!modelId) return;
  const model = findModel(modelId);
  if (!model) throw new AppError("VALIDATION_FAILED", msg("generation.unknownModel", { modelId }), { issues: [{ path: [...at, "modelId"], message: msg("issue.unknownModel") }] });
  if (!parameters) return;
  const operation = model.operations.includes("text-to-image") ? "text-to-image" : model.operations[0];
  const checked = validateGenerationParams(model, { operation, parameters });
  if (!checked.ok) {
    const issues = checked.issues.map((i) => ({ path: [...at, ...i.path], message: check(i.message) }));
    throw new AppError("VALIDATION_FAILED", issues[0]?.message ?? msg("generation.invalidParameters"), { issues });
  }
}

export async function getSettings(ctx: Ctx): Promise<UserSettings> {
  return toView(await findSettings(ctx.db, ctx.user.id));
}

/** Updates the given fields; `settings` keys are merged one by one and a key set to null is removed. */
export async function updateSettings(ctx: Ctx, input: UpdateUserSettings): Promise<UserSettings> {
  const { settings: miscPatch, ...fields } = input;
  if (fields.defaultModelId !== undefined || fields.defaultParameters !== undefined) {
    const current = await findSettings(ctx.db, ctx.user.id);
    const modelId = fields.defaultModelId === undefined ? current?.defaultModelId : fields.defaultModelId;
    checkModelParameters(modelId, fields.defaultParameters ?? current?.defaultParameters);
  }
  if (!miscPatch) return toView(await upsertSettings(ctx.db, ctx.user.id, fields));
  const row = await ctx.db.transaction(async (tx) => {
    const current = await lockSettings(tx, ctx.user.id);
    const settings: Record<string, unknown> = { ...current.settings };
    for (const [k, v] of Object.entries(miscPatch)) {
      if (v === null) delete settings[k];
      else settings[k] = v;
    }
    return upsertSettings(tx, ctx.user.id, { ...fields, settings });
  });
  return toView(row);
}

export async function getDefaults(ctx: Ctx): Promise<GenerationDefaults> {
  const { defaultModelId, defaultParameters } = await getSettings(ctx);
  return { defaultModelId, defaultParameters };
}

export async function updateDefaults(ctx: Ctx, input: UpdateGenerationDefaults): Promise<GenerationDefaults> {
  const { defaultModelId, defaultParameters } = await updateSettings(ctx, input);
  return { defaultModelId, defaultParameters };
}

export async function listPresets(ctx: Ctx): Promise<GenerationPreset[]> {
  return presetsOf(await findSettings(ctx.db, ctx.user.id));
}

/** Creates or replaces the preset with this client-minted id (a replay of the same PUT is harmless). */
export async function savePreset(ctx: Ctx, id: string, input: SavePresetRequest): Promise<GenerationPreset> {
  checkModelParameters(input.modelId, input.parameters);
  return ctx.db.transaction(async (tx) => {
    const row = await lockSettings(tx, ctx.user.id);
    const presets = presetsOf(row);
    const existing = presets.find((p) => p.id === id);
    const clash = presets.find((p) => p.id !== id && p.name.toLowerCase() === input.name.trim().toLowerCase());
    if (clash) throw new AppError("CONFLICT", msg("settings.presetExists", { name: clash.name }), { issues: [{ path: ["name"], message: msg("issue.nameTaken") }] });
    if (!existing && presets.length >= PRESETS_MAX) throw new AppError("CONFLICT", msg("settings.maxPresets", { max: PRESETS_MAX }));
    const now = ctx.now.toISOString();
    const preset = generationPresetSchema.parse({ ...input, id, createdAt: existing?.createdAt ?? now, updatedAt: now });
    const next = existing ? presets.map((p) => (p.id === id ? preset : p)) : [...presets, preset];
    await upsertSettings(tx, ctx.user.id, { settings: { ...row.settings, presets: next } });
    return preset;
  });
}

export async function deletePreset(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockSettings(tx, ctx.user.id);
    const presets = presetsOf(row);
    if (!presets.some((p) => p.id === id)) throw notFound("preset");
    await upsertSettings(tx, ctx.user.id, { settings: { ...row.settings, presets: presets.filter((p) => p.id !== id) } });
  });
}
