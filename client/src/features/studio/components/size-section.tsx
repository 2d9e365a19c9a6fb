import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { ModelEntry } from "../api/models";
import { allowedRatios, canChooseSize, CUSTOM_RATIO, SIZE_SCALES, type SizeScaleId, sizeFor, type StudioValues } from "../lib/form";
import { AspectRatioGrid, ChipGroup } from "./aspect-ratio-grid";
import { describedBy, Field } from "./field";
import { useTranslation } from "react-i18next";

const SIDES = ["width", "height"] as const;

/** Aspect ratio grid, size (or custom width × height) and number of images. */
export function SizeSection({ model }: { model: ModelEntry }) {
  const { t } = useTranslation("studio");
  const { control, formState, register } = useFormContext<StudioValues>();
  const ratio = useWatch({ control, name: "aspectRatio" });
  const errors = formState.errors;
  const custom = ratio === CUSTOM_RATIO;
  const limits = model.sizeLimits ?? { min: 64, max: 2048, multipleOf: 8 };
  const counts = Array.from({ length: model.maxImages }, (_, i) => i + 1);
  return (
    <>
      <Field id="aspect" label={t("size.aspect")} asGroupLabel error={errors.aspectRatio?.message}>
        <Controller
          control={control}
          name="aspectRatio"
          render={({ field }) => (
            <AspectRatioGrid
              labelledBy="aspect-label"
              ratios={allowedRatios(model)}
              allowCustom={canChooseSize(model)}
              value={field.value}
              onChange={field.onChange}
              invalid={Boolean(errors.aspectRatio)}
            />
          )}
        />
      </Field>
      {model.sizeMode === "image_size" && custom && (
        <div className="grid grid-cols-2 gap-3">
          {SIDES.map((k) => (
            <Field key={k} id={`size-${k}`} label={k === "width" ? t("size.width") : t("size.height")} error={errors[k]?.message} hint={t("size.limits", { min: limits.min, max: limits.max, step: limits.multipleOf })}>
              <Input
                id={`size-${k}`}
                type="number"
                inputMode="numeric"
                min={limits.min}
                max={limits.max}
                step={limits.multipleOf}
                className="font-mono"
                {...register(k, { valueAsNumber: true })}
                {...describedBy(`size-${k}`, errors[k]?.message, true)}
              />
            </Field>
          ))}
        </div>
      )}
      {model.sizeMode === "image_size" && !custom && (
        <Field id="size" label={t("size.size")} asGroupLabel>
          <Controller
            control={control}
            name="sizeScale"
            render={({ field }) => (
              <ChipGroup<SizeScaleId>
                labelledBy="size-label"
                options={SIZE_SCALES.map((s) => s.id)}
                value={field.value}
                onChange={field.onChange}
                describe={(id) => {
                  const s = sizeFor(model, ratio, SIZE_SCALES.find((x) => x.id === id)!.scale);
                  return t("size.describe", { scale: t(`size.scales.${id}`), width: s.width, height: s.height });
                }}
                format={(id) => {
                  const scale = SIZE_SCALES.find((x) => x.id === id)!;
                  const s = sizeFor(model, ratio, scale.scale);
                  return (
                    <span className="grid text-center leading-tight">
                      <span>{t(`size.scales.${scale.id}`)}</span>
                      <span className="font-mono text-[0.7rem] text-muted-foreground">
                        {s.width}×{s.height}
                      </span>
                    </span>
                  );
                }}
              />
            )}
          />
        </Field>
      )}
      {model.sizeMode === "aspect_ratio" && <p className="text-xs text-muted-foreground">{t("size.fromRatio", { model: model.displayName })}</p>}
      {model.sizeMode === "none" && <p className="text-xs text-muted-foreground">{t("size.fixed", { model: model.displayName })}</p>}
      <Field id="count" label={t("size.count")} asGroupLabel error={errors.numImages?.message}>
        <Controller
          control={control}
          name="numImages"
          render={({ field }) => (
            <ChipGroup<number>
              labelledBy="count-label"
              options={counts}
              value={field.value}
              onChange={field.onChange}
              describe={(n) => t("size.images", { count: n })}
              format={(n) => <span className="font-mono">{n}</span>}
            />
          )}
        />
      </Field>
    </>
  );
}
