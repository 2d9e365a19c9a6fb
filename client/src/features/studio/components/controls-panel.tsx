import { type GenerationPreset, type Job, LIMITS } from "@image-studio/shared";
import { Controller, useFormContext } from "react-hook-form";
import type { ReactNode } from "react";
import { Link } from "@tanstack/react-router";
import { Layers } from "lucide-react";
import { cn } from "@/lib/cn";
import type { ModelEntry } from "../api/models";
import type { StudioRequest, StudioValues } from "../lib/form";
import { describedBy, Field } from "./field";
import { ConditioningSection } from "./conditioning-section";
import { ModelPicker } from "./model-picker";
import { PresetsMenu } from "./presets-menu";
import { ProjectTarget } from "./project-target";
import { ParamsSection } from "./params-section";
import { PromptEditor } from "./prompt-editor";
import { PromptTools } from "./prompt-tools";
import { TemplateFill } from "./template-fill";
import { BlendStrip } from "./blend-strip";
import { SizeSection } from "./size-section";
import { useTranslation } from "react-i18next";

interface ControlsPanelProps {
  models: ModelEntry[];
  model: ModelEntry;
  onModelChange: (id: string) => void;
  onApplyPreset: (preset: GenerationPreset) => void;
  currentRequest: () => StudioRequest | null;
  lastSeed?: number;
  /** Cost estimate and Generate/Queue, placed by the caller (sticky in the phone sheet). */
  footer: ReactNode;
  /** Inside the phone sheet, whose title already says what this is. */
  inSheet?: boolean;
  /** A blend strip queued a job (the studio shows it with the other results). */
  onBlendQueued?: (job: Job) => void;
  /** Opened from a project's "Generate here": apply that project's defaults once it loads. */
  targetProjectId?: string;
}

/** The left panel: model, prompt, negative prompt, size, count, style, seed and the model's parameters. */
export function ControlsPanel({ models, model, onModelChange, onApplyPreset, currentRequest, lastSeed, footer, inSheet = false, onBlendQueued, targetProjectId }: ControlsPanelProps) {
  const { t } = useTranslation("studio");
  const { control, formState } = useFormContext<StudioValues>();
  const errors = formState.errors;
  return (
    <form className="flex min-h-full flex-col" noValidate aria-label={t("page.settingsTitle")} onSubmit={(e) => e.preventDefault()}>
      <div className="grid gap-5 p-4">
        <div className={cn("flex items-center justify-between gap-2", inSheet && "-mt-2 justify-end")}>
          <h2 className={cn("text-base font-semibold", inSheet && "sr-only")}>{t("controls.title")}</h2>
          <div className="flex items-center gap-2">
            <PresetsMenu current={currentRequest} onApply={onApplyPreset} />
            {/* Batch mode: many prompts, a template or a CSV at once. */}
            <Link
              to="/batch"
              className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-3 text-sm font-medium hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none pointer-coarse:h-11"
            >
              <Layers className="size-4" aria-hidden="true" />
              {t("controls.batch")}
            </Link>
          </div>
        </div>
        <ProjectTarget models={models} onModelChange={onModelChange} applyOnLoad={targetProjectId} />
        <Field id="model" label={t("controls.model")} error={errors.modelId?.message} hint={model.description}>
          <ModelPicker
            id="model"
            models={models}
            value={model.id}
            onChange={onModelChange}
            invalid={Boolean(errors.modelId)}
            describedBy={errors.modelId ? "model-error" : "model-hint"}
          />
        </Field>
        <Field id="prompt" label={t("controls.prompt")} error={errors.prompt?.message}>
          <Controller
            control={control}
            name="prompt"
            render={({ field }) => (
              <PromptEditor
                id="prompt"
                ref={field.ref}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                maxLength={LIMITS.promptMaxLength}
                placeholder={t("controls.promptPlaceholder")}
                hintId="prompt-strength"
                {...describedBy("prompt", errors.prompt?.message)}
                aria-describedby={[errors.prompt ? "prompt-error" : "", "prompt-strength"].filter(Boolean).join(" ")}
              />
            )}
          />
        </Field>
        <PromptTools model={model} hasResults={lastSeed !== undefined} />
        <TemplateFill />
        {onBlendQueued && <BlendStrip currentRequest={currentRequest} onQueued={onBlendQueued} />}
        {model.supportsNegativePrompt && (
          <Field id="negative" label={t("controls.negative")} error={errors.negativePrompt?.message}>
            <Controller
              control={control}
              name="negativePrompt"
              render={({ field }) => (
                <PromptEditor
                  id="negative"
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  maxLength={LIMITS.negativePromptMaxLength}
                  showStrength={false}
                  placeholder={t("controls.negativePlaceholder")}
                  className="min-h-16"
                  {...describedBy("negative", errors.negativePrompt?.message)}
                />
              )}
            />
          </Field>
        )}
        <ConditioningSection model={model} />
        <SizeSection model={model} />
        <ParamsSection model={model} lastSeed={lastSeed} />
      </div>
      <div className="sticky bottom-0 z-10 mt-auto grid gap-3 border-t border-border bg-background/95 p-4 backdrop-blur supports-[backdrop-filter]:bg-background/85">
        {footer}
      </div>
      {errors.root?.server && (
        <p role="alert" className="sr-only">
          {errors.root.server.message}
        </p>
      )}
    </form>
  );
}
