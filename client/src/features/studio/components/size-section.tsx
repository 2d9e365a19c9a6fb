import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { ModelEntry } from "../api/models";
import { allowedRatios, canChooseSize, CUSTOM_RATIO, SIZE_SCALES, type SizeScaleId, sizeFor, type StudioValues } from "../lib/form";
import { AspectRatioGrid, ChipGroup } from "./aspect-ratio-grid";
import { describedBy, Field } from "./field";

/** Aspect ratio grid, size (or custom width × height) and number of images. */
export function SizeSection({ model }: { model: ModelEntry }) {
  const { control, formState, register } = useFormContext<StudioValues>();
  const ratio = useWatch({ control, name: "aspectRatio" });
  const errors = formState.errors;
  const custom = ratio === CUSTOM_RATIO;
  const limits = model.sizeLimits ?? { min: 64, max: 2048, multipleOf: 8 };
  const counts = Array.from({ length: model.maxImages }, (_, i) => i + 1);
  return (
    <>
      <Field id="aspect" label="Aspect ratio" asGroupLabel error={errors.aspectRatio?.message}>
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
          {(["width", "height"] as const).map((k) => (
            <Field key={k} id={`size-${k}`} label={k === "width" ? "Width" : "Height"} error={errors[k]?.message} hint={`${limits.min}–${limits.max} px, ×${limits.multipleOf}`}>
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
        <Field id="size" label="Size" asGroupLabel>
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
                  return `${SIZE_SCALES.find((x) => x.id === id)!.label}, ${s.width} by ${s.height} pixels`;
                }}
                format={(id) => {
                  const scale = SIZE_SCALES.find((x) => x.id === id)!;
                  const s = sizeFor(model, ratio, scale.scale);
                  return (
                    <span className="grid text-center leading-tight">
                      <span>{scale.label}</span>
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
      {model.sizeMode === "aspect_ratio" && <p className="text-xs text-muted-foreground">{model.displayName} sets the pixel size from the aspect ratio.</p>}
      {model.sizeMode === "none" && <p className="text-xs text-muted-foreground">{model.displayName} always makes 1024×1024 images.</p>}
      <Field id="count" label="Number of images" asGroupLabel error={errors.numImages?.message}>
        <Controller
          control={control}
          name="numImages"
          render={({ field }) => (
            <ChipGroup<number>
              labelledBy="count-label"
              options={counts}
              value={field.value}
              onChange={field.onChange}
              describe={(n) => `${n} image${n === 1 ? "" : "s"}`}
              format={(n) => <span className="font-mono">{n}</span>}
            />
          )}
        />
      </Field>
    </>
  );
}
