import { STYLE_PRESETS } from "@image-studio/shared";
import { Controller, useFormContext } from "react-hook-form";
import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ModelEntry } from "../api/models";
import { hasStylePresets, MAIN_PARAM_KEYS, modelSpecs, type StudioValues } from "../lib/form";
import { describedBy, Field } from "./field";
import { ParamField } from "./param-field";
import { SeedField } from "./seed-field";
import { useTranslation } from "react-i18next";
import { modelTip, paramOptionLabel } from "@/i18n/labels";

/** Style, seed, the model's main parameters and an "Advanced" section drawn from its parameter schema. */
export function ParamsSection({ model, lastSeed }: { model: ModelEntry; lastSeed?: number }) {
  const { t } = useTranslation("studio");
  const { control, formState, watch, setValue } = useFormContext<StudioValues>();
  const errors = formState.errors;
  const specs = modelSpecs(model);
  const main = specs.filter((s) => MAIN_PARAM_KEYS.includes(s.key));
  const advanced = specs.filter((s) => !MAIN_PARAM_KEYS.includes(s.key));
  const stylePreset = watch("stylePreset");
  const styleSuffix = STYLE_PRESETS[stylePreset as keyof typeof STYLE_PRESETS];

  const field = (key: string) => (
    <Controller
      key={`${model.id}-${key}`}
      control={control}
      name={`params.${key}`}
      render={({ field: f }) => (
        <ParamField modelId={model.id} spec={specs.find((s) => s.key === key)!} value={f.value} onChange={f.onChange} error={errors.params?.[key]?.message} />
      )}
    />
  );

  return (
    <>
      {hasStylePresets(model) && (
        <Field id="style" label={t("params.style")} hint={styleSuffix ? t("params.adds", { suffix: styleSuffix }) : t("params.addsNothing")} error={errors.stylePreset?.message}>
          <Controller
            control={control}
            name="stylePreset"
            render={({ field: f }) => (
              <Select value={f.value} onValueChange={f.onChange}>
                <SelectTrigger id="style" {...describedBy("style", errors.stylePreset?.message, true)}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {Object.keys(STYLE_PRESETS).map((id) => (
                    <SelectItem key={id} value={id}>
                      {paramOptionLabel(t, { key: "stylePreset" }, id)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          />
        </Field>
      )}
      <Field id="seed" label={t("params.seed")} hint={t("params.seedHint")} error={errors.seed?.message}>
        <Controller
          control={control}
          name="seed"
          render={({ field: f }) => (
            <SeedField
              id="seed"
              seed={f.value}
              locked={watch("seedLocked")}
              lastSeed={lastSeed}
              invalid={Boolean(errors.seed)}
              describedBy={errors.seed ? "seed-error" : "seed-hint"}
              onChange={({ seed, locked }) => {
                setValue("seedLocked", locked, { shouldDirty: true });
                f.onChange(seed);
              }}
            />
          )}
        />
      </Field>
      <Accordion type="multiple" defaultValue={["main"]} className="-mx-1 px-1">
        <AccordionItem value="main">
          <AccordionTrigger>{t("params.parameters")}</AccordionTrigger>
          <AccordionContent className="grid gap-5">
            {main.length ? main.map((s) => field(s.key)) : <p className="text-muted-foreground">{t("params.ownSteps", { model: model.displayName })}</p>}
            {model.recommended.tip && <p className="text-xs text-muted-foreground">{t("params.tip", { tip: modelTip(t, model) })}</p>}
          </AccordionContent>
        </AccordionItem>
        {advanced.length > 0 && (
          <AccordionItem value="advanced">
            <AccordionTrigger>
              <span>
                {t("params.advanced")} <span className="font-normal text-muted-foreground">({advanced.length})</span>
              </span>
            </AccordionTrigger>
            <AccordionContent className="grid gap-5">{advanced.map((s) => field(s.key))}</AccordionContent>
          </AccordionItem>
        )}
      </Accordion>
    </>
  );
}
