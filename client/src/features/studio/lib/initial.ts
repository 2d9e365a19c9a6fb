/** Where the studio's first values come from: a link's search params, then the auto-saved draft, then the user's defaults. */
import type { GenerationDefaults } from "@image-studio/shared";
import type { ModelEntry } from "../api/models";
import { adaptToModel, defaultValues, fromParameters, isT2I, type StudioValues } from "./form";
import type { StudioSearch } from "./prefill";

export interface InitialSources {
  search: StudioSearch;
  draft?: StudioValues;
  defaults?: GenerationDefaults;
}

/** Text-to-image models in catalog order: available first. */
export function studioModels(models: readonly ModelEntry[]): ModelEntry[] {
  const t2i = models.filter(isT2I);
  return [...t2i.filter((m) => m.available), ...t2i.filter((m) => !m.available)];
}

/**
 * A link's model is honoured even when it is unavailable (the picker then says why); a draft's or the
 * defaults' model only when it can run. Otherwise the first available featured model, then any.
 */
export function pickInitialModel(models: readonly ModelEntry[], src: InitialSources): ModelEntry | undefined {
  const t2i = studioModels(models);
  const byId = (id: string | null | undefined, needAvailable: boolean) => t2i.find((m) => m.id === id && (!needAvailable || m.available));
  return (
    byId(src.search.modelId, false) ??
    byId(src.draft?.modelId, true) ??
    byId(src.defaults?.defaultModelId, true) ??
    t2i.find((m) => m.available && m.featured) ??
    t2i.find((m) => m.available) ??
    t2i[0]
  );
}

export function initialValues(models: readonly ModelEntry[], src: InitialSources): StudioValues | null {
  const model = pickInitialModel(models, src);
  if (!model) return null;
  let values = defaultValues(model);
  if (src.defaults?.defaultModelId === model.id) {
    const d = fromParameters(model, src.defaults.defaultParameters);
    values = { ...values, ...d, params: { ...values.params, ...d.params } };
  }
  if (src.draft) {
    // The draft's prompt survives even when its model can't be used now; its parameters follow the model rules.
    const draftModel = models.find((m) => m.id === src.draft!.modelId);
    values = adaptToModel({ ...values, ...src.draft, modelId: model.id, params: { ...values.params, ...src.draft.params } }, model, draftModel ?? model);
  }
  const { search } = src;
  if (search.prompt !== undefined || search.modelId || search.parameters) {
    const fromLink = search.parameters ? fromParameters(model, search.parameters) : {};
    const fresh = defaultValues(model);
    values = {
      ...fresh,
      ...fromLink,
      prompt: search.prompt ?? "",
      negativePrompt: search.negativePrompt ?? "",
      params: { ...fresh.params, ...fromLink.params },
      projectId: search.projectId ?? null,
      promptId: search.promptId ?? null,
    };
  } else if (search.negativePrompt !== undefined || search.projectId) {
    values = { ...values, negativePrompt: search.negativePrompt ?? values.negativePrompt, projectId: search.projectId ?? values.projectId };
  }
  return values;
}
