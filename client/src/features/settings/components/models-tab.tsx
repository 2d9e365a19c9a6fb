import { ASPECT_RATIOS, type ParamSpec } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { fieldClasses } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { type ModelEntry, modelsQuery } from "@/lib/models";
import { userSettingsQuery, useUpdateSettings } from "../api/user-settings";
import { Field, SettingsSection } from "./section";
import { aspectRatioLabel, paramDescription, paramLabel, paramOptionLabel } from "@/i18n/labels";

const control = cn(fieldClasses, "h-10 w-full max-w-sm pointer-coarse:h-11");
type Params = Record<string, unknown>;

/** The simple numeric and choice parameters worth a default (advanced ones stay in the studio). */
const editable = (m: ModelEntry) =>
  m.params.filter((p: ParamSpec) => !p.advanced && !["seed", "numImages", "prompt"].includes(p.key) && (p.type === "int" || p.type === "float" || p.type === "enum"));

/** Settings → Models: the model, aspect ratio, image count and parameters new generations start from. */
export function ModelsTab() {
  const { t } = useTranslation("settings");
  const models = useQuery(modelsQuery);
  const settings = useQuery(userSettingsQuery);
  if (models.isError || settings.isError)
    return <p className="text-sm text-muted-foreground">{t("models.loadFailed", { message: (models.error ?? settings.error)?.message })}</p>;
  if (!models.data || !settings.data) return <Skeleton className="h-64 max-w-3xl rounded-xl" />;
  return <ModelsForm key={settings.data.version} models={models.data} initialModel={settings.data.defaultModelId ?? ""} initialParams={settings.data.defaultParameters ?? {}} />;
}

function ModelsForm({ models, initialModel, initialParams }: { models: ModelEntry[]; initialModel: string; initialParams: Params }) {
  const { t } = useTranslation("settings");
  const save = useUpdateSettings(t("models.saved"));
  const t2i = models.filter((m) => m.operations.includes("text-to-image"));
  const [modelId, setModelId] = useState(initialModel);
  const [params, setParams] = useState<Params>(initialParams);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const model = t2i.find((m) => m.id === modelId);
  const ratios = model?.sizeMode === "none" ? [] : ASPECT_RATIOS.filter((r) => !model?.aspectRatios || model.aspectRatios.includes(r.id));
  const set = (k: string, v: unknown) => setParams((p) => (v === undefined || v === "" ? Object.fromEntries(Object.entries(p).filter(([x]) => x !== k)) : { ...p, [k]: v }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate(
      { defaultModelId: modelId || null, defaultParameters: modelId ? params : {} },
      { onError: (err) => err instanceof ApiError && setErrors(err.fieldErrors()) },
    );
  };
  return (
    <form className="grid max-w-3xl gap-6" onSubmit={submit} aria-label={t("models.form")}>
      <SettingsSection id="default-model" title={t("models.title")} description={t("models.description")}>
        <Field id="default-model-id" label={t("models.model")}>
          <select
            id="default-model-id"
            className={control}
            value={modelId}
            onChange={(e) => {
              setModelId(e.target.value);
              setParams({});
            }}
          >
            <option value="">{t("models.noDefault")}</option>
            {t2i.map((m) => (
              <option key={m.id} value={m.id} disabled={!m.available && m.id !== modelId}>
                {m.available ? m.displayName : t("models.unavailable", { name: m.displayName })}
              </option>
            ))}
          </select>
        </Field>
        {model && ratios.length > 0 && (
          <Field id="default-aspect" label={t("models.aspect")}>
            <select id="default-aspect" className={control} value={(params.aspectRatio as string) ?? ""} onChange={(e) => set("aspectRatio", e.target.value || undefined)}>
              <option value="">{t("models.defaultValue", { value: model.recommended.aspectRatio ?? "1:1" })}</option>
              {ratios.map((r) => (
                <option key={r.id} value={r.id}>
                  {aspectRatioLabel(t, r)} ({r.id})
                </option>
              ))}
            </select>
          </Field>
        )}
        {model && model.maxImages > 1 && (
          <Field id="default-count" label={t("models.count")}>
            <select id="default-count" className={control} value={String(params.numImages ?? "")} onChange={(e) => set("numImages", e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">{t("models.default")}</option>
              {Array.from({ length: model.maxImages }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
        )}
        {model &&
          editable(model).map((p) => (
            <Field key={p.key} id={`param-${p.key}`} label={paramLabel(t, model.id, p)} hint={errors[`defaultParameters.${p.key}`] ?? paramDescription(t, model.id, p)}>
              {p.type === "enum" ? (
                <select id={`param-${p.key}`} className={control} value={String(params[p.key] ?? "")} onChange={(e) => set(p.key, e.target.value || undefined)}>
                  <option value="">{p.default !== undefined ? t("models.defaultValue", { value: String(p.default) }) : t("models.default")}</option>
                  {(p.options ?? []).map((o) => (
                    <option key={String(o)} value={String(o)}>
                      {paramOptionLabel(t, p, o)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`param-${p.key}`}
                  type="number"
                  inputMode="decimal"
                  className={cn(control, "font-mono")}
                  min={p.min}
                  max={p.max}
                  step={p.step ?? (p.type === "int" ? 1 : 0.1)}
                  placeholder={p.default !== undefined ? String(p.default) : ""}
                  aria-describedby={`param-${p.key}-hint`}
                  aria-invalid={Boolean(errors[`defaultParameters.${p.key}`]) || undefined}
                  value={params[p.key] === undefined ? "" : String(params[p.key])}
                  onChange={(e) => set(p.key, e.target.value === "" ? undefined : Number(e.target.value))}
                />
              )}
            </Field>
          ))}
        {errors.defaultModelId && (
          <p role="alert" className="text-sm text-destructive-strong">
            {errors.defaultModelId}
          </p>
        )}
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("models.saving") : t("models.save")}
          </Button>
        </div>
      </SettingsSection>
    </form>
  );
}
