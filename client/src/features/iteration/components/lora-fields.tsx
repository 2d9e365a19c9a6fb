import { MAX_LORAS, type RemixRequest, type remixRequestSchema } from "@image-studio/shared";
import { Plus, Trash2 } from "lucide-react";
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** What the remix form hands to submit after the shared schema has parsed it. */
export type RemixOutput = z.output<typeof remixRequestSchema>;

interface LoraFieldsProps {
  control: Control<RemixRequest, unknown, RemixOutput>;
  register: UseFormRegister<RemixRequest>;
  errors: FieldErrors<RemixRequest>;
  /** Why LoRAs cannot be used right now (no engine for them), or undefined when they can. */
  unavailable?: string;
}

/** LoRA rows for a remix: an https URL to the weights and a blend weight each, up to MAX_LORAS. */
export function LoraFields({ control, register, errors, unavailable }: LoraFieldsProps) {
  const { t } = useTranslation("iteration");
  const { fields, append, remove } = useFieldArray({ control, name: "loras" });
  const listError = errors.loras?.message ?? errors.loras?.root?.message;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">{t("lora.legend")}</legend>
      <p className="text-xs text-muted-foreground">
        {unavailable ?? t("lora.hint")}
      </p>
      {fields.map((field, i) => {
        const err = errors.loras?.[i];
        const pathId = `remix-lora-${i}-path`;
        const scaleId = `remix-lora-${i}-scale`;
        return (
          <div key={field.id} className="flex flex-col gap-1">
            <div className="flex items-start gap-2">
              <Input
                id={pathId}
                aria-label={t("lora.url", { n: i + 1 })}
                placeholder={t("lora.urlPlaceholder")}
                inputMode="url"
                autoComplete="off"
                aria-invalid={err?.path ? true : undefined}
                aria-describedby={err?.path ? `${pathId}-error` : undefined}
                className="h-8 min-w-0 flex-1 font-mono text-xs md:text-xs"
                {...register(`loras.${i}.path`)}
              />
              <Input
                id={scaleId}
                aria-label={t("lora.scale", { n: i + 1 })}
                type="number"
                step={0.05}
                min={-4}
                max={4}
                aria-invalid={err?.scale ? true : undefined}
                aria-describedby={err?.scale ? `${scaleId}-error` : undefined}
                className="h-8 w-20 text-right font-mono text-xs md:text-xs"
                {...register(`loras.${i}.scale`, { valueAsNumber: true })}
              />
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={t("lora.remove", { n: i + 1 })}
                onClick={() => remove(i)}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
            {err?.path?.message && (
              <p id={`${pathId}-error`} role="alert" className="text-xs text-destructive-strong">
                {t("lora.pathError", { n: i + 1, message: err.path.message })}
              </p>
            )}
            {err?.scale?.message && (
              <p id={`${scaleId}-error`} role="alert" className="text-xs text-destructive-strong">
                {t("lora.scaleError", { n: i + 1, message: err.scale.message })}
              </p>
            )}
          </div>
        );
      })}
      {listError && (
        <p role="alert" className="text-xs text-destructive-strong">
          {listError}
        </p>
      )}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="self-start"
        disabled={!!unavailable || fields.length >= MAX_LORAS}
        onClick={() => append({ path: "", scale: 1 })}
      >
        <Plus aria-hidden="true" /> {t("lora.add")}
        {fields.length >= MAX_LORAS && <span className="text-xs">{t("lora.max", { max: MAX_LORAS })}</span>}
      </Button>
    </fieldset>
  );
}
