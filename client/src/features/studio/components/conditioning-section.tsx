import { CONTROL_STRENGTH, conditioningFor, type ControlType, IMAGE_PROMPT_WEIGHT } from "@image-studio/shared";
import { Eye, X } from "lucide-react";
import * as React from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { fieldClasses } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { controlPreview } from "../api/conditioning";
import type { ModelEntry } from "../api/models";
import type { ConditioningImage, StudioValues } from "../lib/form";
import { ChosenImage, ImageChooser } from "./image-chooser";
import { useTranslation } from "react-i18next";
import { formatNumber } from "@/i18n";
import { controlTypeDescription, controlTypeLabel } from "@/i18n/labels";

type Control = NonNullable<StudioValues["controlNet"]>;

/** Range input with a visible label and value (native: keyboard, touch and screen readers for free). */
function RangeField({ id, label, value, min, max, step, onChange }: { id: string; label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="flex justify-between text-sm font-medium">
        {label} <output htmlFor={id} className="tabular-nums text-muted-foreground">{formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</output>
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} className="accent-primary" />
    </div>
  );
}

/** ControlNet (edges/depth/pose from a control image, with a preview of the map) and image prompts, for models that take them. */
export function ConditioningSection({ model }: { model: ModelEntry }) {
  const { t } = useTranslation("studio");
  const support = conditioningFor(model.id);
  const { setValue } = useFormContext<StudioValues>();
  const control = useWatch<StudioValues, "controlNet">({ name: "controlNet" }) ?? null;
  const refs = useWatch<StudioValues, "imagePrompts">({ name: "imagePrompts" }) ?? [];
  const [preview, setPreview] = React.useState<{ url: string; type: ControlType } | null>(null);
  const [previewing, setPreviewing] = React.useState(false);
  const [wanted, setWanted] = React.useState<ControlType | null>(null);
  React.useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);
  if (!support || (support.controlTypes.length === 0 && support.maxImagePrompts === 0)) return null;

  const setControl = (next: Control | null) => {
    setValue("controlNet", next, { shouldDirty: true });
    setPreview(null);
  };
  const want = control?.type ?? wanted;
  const type: ControlType = want && support.controlTypes.includes(want) ? want : (support.controlTypes[0] ?? "canny");
  const setRefs = (next: NonNullable<StudioValues["imagePrompts"]>) => setValue("imagePrompts", next, { shouldDirty: true });
  const showPreview = async () => {
    if (!control || type === "pose") return;
    setPreviewing(true);
    try {
      const ref = control.imageId ? { imageId: control.imageId } : { uploadId: control.uploadId };
      setPreview({ url: await controlPreview({ type, ...ref, size: 512 }), type });
    } catch (e) {
      toast.error(t("conditioning.previewFailed"), { description: e instanceof Error ? e.message : undefined });
    } finally {
      setPreviewing(false);
    }
  };

  return (
    <section aria-labelledby="conditioning-heading" className="grid gap-4 rounded-xl border border-border p-3">
      <h3 id="conditioning-heading" className="text-sm font-semibold">{t("conditioning.title")}</h3>
      {support.note && <p className="text-xs text-muted-foreground">{support.note}</p>}
      {support.controlTypes.length > 0 && (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{t("conditioning.control")}</legend>
          <label className="grid gap-1 text-sm">
            {t("conditioning.controlType")}
            <select
              className={cn(fieldClasses, "h-9 pointer-coarse:h-11")}
              value={type}
              onChange={(e) => {
                const next = e.target.value as ControlType;
                setWanted(next);
                if (control) setControl({ ...control, type: next });
              }}
            >
              {support.controlTypes.map((ct) => (
                <option key={ct} value={ct}>
                  {controlTypeLabel(t, ct)}
                </option>
              ))}
            </select>
          </label>
          <p className="text-xs text-muted-foreground">{controlTypeDescription(t, type)}</p>
          {control ? (
            <div className="flex items-center justify-between gap-2">
              <ChosenImage img={control} />
              <Button type="button" variant="ghost" size="icon" aria-label={t("conditioning.removeControl")} onClick={() => setControl(null)}>
                <X aria-hidden="true" />
              </Button>
            </div>
          ) : (
            <ImageChooser label={t("conditioning.controlImage")} onPick={(img: ConditioningImage) => setControl({ ...img, type, strength: CONTROL_STRENGTH.default })} />
          )}
          {control && (
            <>
              <RangeField id="control-strength" label={t("conditioning.strength")} value={control.strength} min={CONTROL_STRENGTH.min} max={CONTROL_STRENGTH.max} step={0.05} onChange={(v) => setValue("controlNet", { ...control, strength: v }, { shouldDirty: true })} />
              {type !== "pose" ? (
                <Button type="button" variant="outline" size="sm" className="justify-self-start" loading={previewing} onClick={() => void showPreview()}>
                  <Eye aria-hidden="true" /> {type === "canny" ? t("conditioning.previewEdges") : t("conditioning.previewDepth")}
                </Button>
              ) : (
                <p className="text-xs text-muted-foreground">{t("conditioning.pose")}</p>
              )}
              {preview && preview.type === type && (
                <img src={preview.url} alt={type === "canny" ? t("conditioning.edgeMap") : t("conditioning.depthMap")} className="max-h-48 justify-self-start rounded-lg border border-border bg-black" />
              )}
            </>
          )}
        </fieldset>
      )}
      {support.maxImagePrompts > 0 && (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{t("conditioning.references", { n: refs.length, max: support.maxImagePrompts })}</legend>
          <p className="text-xs text-muted-foreground">{t("conditioning.referencesHint")}</p>
          {refs.map((r, i) => (
            <div key={`${r.imageId ?? r.uploadId}-${i}`} className="grid gap-1 rounded-lg bg-muted/40 p-2">
              <div className="flex items-center justify-between gap-2">
                <ChosenImage img={r} />
                <Button type="button" variant="ghost" size="icon" aria-label={t("conditioning.removeReference", { n: i + 1 })} onClick={() => setRefs(refs.filter((_, k) => k !== i))}>
                  <X aria-hidden="true" />
                </Button>
              </div>
              <RangeField id={`ref-weight-${i}`} label={t("conditioning.referenceWeight", { n: i + 1 })} value={r.weight} min={IMAGE_PROMPT_WEIGHT.min} max={IMAGE_PROMPT_WEIGHT.max} step={0.05} onChange={(v) => setRefs(refs.map((x, k) => (k === i ? { ...x, weight: v } : x)))} />
            </div>
          ))}
          {refs.length < support.maxImagePrompts && <ImageChooser label={t("conditioning.referenceImage")} onPick={(img) => setRefs([...refs, { ...img, weight: IMAGE_PROMPT_WEIGHT.default }])} />}
        </fieldset>
      )}
    </section>
  );
}
