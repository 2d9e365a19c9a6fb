import { zodResolver } from "@/i18n/zod-resolver";
import { LIMITS, type Prompt, type PromptUpdate, promptCreateSchema } from "@image-studio/shared";
import { useEffect, useId } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { type TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { TagsInput } from "@/components/ui/tags-input";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import { createPrompt, updatePrompt } from "../api/prompts-store";
import { formatVariables, parseVariables, variableNamesIn } from "../lib/variables";

/** The create form is the shared create contract without the id (minted on submit); variables are edited as lines. */
const formSchema = promptCreateSchema
  .omit({ id: true, variables: true })
  .extend({ variablesText: z.string().max(20_000).optional(), isPublic: z.boolean().optional() })
  .superRefine((v, ctx) => {
    const parsed = parseVariables(v.variablesText ?? "");
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["variablesText"], message: parsed.error });
  });
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;

const EDITABLE = ["title", "promptText", "negativePrompt", "category", "tags", "isTemplate", "variables", "isPublic"] as const;

const toValues = (p?: Prompt): FormIn => ({
  title: p?.title ?? "",
  promptText: p?.promptText ?? "",
  negativePrompt: p?.negativePrompt ?? "",
  category: p?.category ?? "",
  tags: p?.tags ?? [],
  isTemplate: p?.isTemplate ?? false,
  variablesText: formatVariables(p?.variables),
  isPublic: p?.isPublic ?? false,
});

const normalise = ({ variablesText, isPublic, ...v }: FormOut) => {
  const parsed = parseVariables(variablesText ?? "");
  return {
    ...v,
    negativePrompt: v.negativePrompt ?? "",
    category: v.category?.trim() || null,
    tags: v.tags ?? [],
    isTemplate: v.isTemplate ?? false,
    variables: parsed.ok ? parsed.value : {},
    isPublic: isPublic ?? false,
  };
};

/** Only the fields the user changed. */
export function changedFields(p: Prompt, v: FormOut): PromptUpdate {
  const next = normalise(v);
  const patch: Record<string, unknown> = {};
  for (const k of EDITABLE) if (JSON.stringify(next[k]) !== JSON.stringify(p[k])) patch[k] = next[k];
  return patch as PromptUpdate;
}

interface PromptFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Present = edit this prompt; absent = create one. */
  prompt?: Prompt;
  categories: string[];
  tags: string[];
}

export function PromptFormDialog({ open, onOpenChange, prompt, categories, tags }: PromptFormDialogProps) {
  const { t } = useTranslation("prompts");
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(formSchema),
    defaultValues: toValues(prompt),
  });
  const { errors, isSubmitting } = form.formState;
  const categoryList = useId();
  const { reset } = form;
  const [isTemplate, variablesText, promptText] = useWatch({ control: form.control, name: ["isTemplate", "variablesText", "promptText"] });
  useEffect(() => {
    if (open) reset(toValues(prompt));
  }, [open, prompt, reset]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (prompt) await updatePrompt(prompt, changedFields(prompt, values));
      else {
        const { isPublic: _public, ...fresh } = normalise(values);
        await createPrompt({ ...fresh, id: crypto.randomUUID() });
      }
      onOpenChange(false);
      toast.success(prompt ? t("form.updated") : t("form.saved"), {
        description: navigator.onLine ? undefined : t("form.keptOffline"),
      });
    } catch (err) {
      toast.error(t("form.saveFailed"), { description: err instanceof Error ? err.message : String(err) });
    }
  });

  const err = (k: keyof FormIn): string | undefined => {
    const m = errors[k]?.message;
    return typeof m === "string" ? m : undefined;
  };
  // Each field's a11y wiring and registration (built here: the form's field names are not text).
  const fields = {
    title: { ...fieldA11y("prompt-title", err("title")), ...form.register("title") },
    promptText: { ...fieldA11y("prompt-text", err("promptText")), ...form.register("promptText") },
    negativePrompt: { ...fieldA11y("prompt-negative", err("negativePrompt"), "hint"), ...form.register("negativePrompt") },
    category: { ...fieldA11y("prompt-category", err("category"), "hint"), ...form.register("category") },
    variablesText: { ...fieldA11y("prompt-variables", err("variablesText"), "hint"), ...form.register("variablesText") },
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{prompt ? t("form.editTitle") : t("form.newTitle")}</DialogTitle>
            <DialogDescription>{t("form.description")}</DialogDescription>
          </DialogHeader>
          <FormField id="prompt-title" label={t("form.title")} error={err("title")}>
            <Input
              {...fields.title}
              maxLength={LIMITS.nameMaxLength}
              autoComplete="off"
            />
          </FormField>
          <FormField id="prompt-text" label={t("form.prompt")} error={err("promptText")}>
            <Textarea
              {...fields.promptText}
              rows={4}
              autoResize
              className="max-h-64"
              maxLength={LIMITS.promptMaxLength}
            />
          </FormField>
          <FormField
            id="prompt-negative"
            label={t("form.negative")}
            hint={t("form.negativeHint")}
            error={err("negativePrompt")}
          >
            <Textarea
              {...fields.negativePrompt}
              rows={2}
              maxLength={LIMITS.negativePromptMaxLength}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="prompt-category"
              label={t("form.category")}
              hint={t("form.categoryHint")}
              error={err("category")}
            >
              <Input
                {...fields.category}
                list={categoryList}
                maxLength={80}
                autoComplete="off"
              />
              <datalist id={categoryList}>
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </FormField>
            <FormField
              id="prompt-tags"
              label={t("form.tags")}
              error={errors.tags?.message ?? (Array.isArray(errors.tags) ? t("form.checkTags") : undefined)}
            >
              <Controller
                control={form.control}
                name="tags"
                render={({ field }) => (
                  <TagsInput
                    id="prompt-tags"
                    value={field.value ?? []}
                    onChange={field.onChange}
                    suggestions={tags}
                    invalid={!!errors.tags}
                    aria-describedby={errors.tags ? "prompt-tags-error" : undefined}
                  />
                )}
              />
            </FormField>
          </div>
          <div className="grid gap-3 rounded-lg border border-border p-3">
            <Controller
              control={form.control}
              name="isTemplate"
              render={({ field }) => (
                <label className="flex items-start gap-2 text-sm">
                  <Checkbox checked={field.value ?? false} onCheckedChange={(c) => field.onChange(c === true)} aria-describedby="prompt-template-hint" className="mt-0.5" />
                  <span>
                    <span className="font-medium">{t("form.template")}</span>
                    <span id="prompt-template-hint" className="block text-xs text-muted-foreground">
                      <Trans t={t} i18nKey="form.templateHint" components={{ code: <code className="font-mono" /> }} />
                    </span>
                  </span>
                </label>
              )}
            />
            {(isTemplate || Boolean(variablesText)) && (
              <FormField
                id="prompt-variables"
                label={t("form.variables")}
                hint={variableHint(t, promptText)}
                error={err("variablesText")}
              >
                <Textarea
                  {...fields.variablesText}
                  rows={3}
                  className="font-mono text-xs"
                  placeholder={t("form.variablesPlaceholder")}
                />
              </FormField>
            )}
            {prompt && (
              <Controller
                control={form.control}
                name="isPublic"
                render={({ field }) => (
                  <label className="flex items-start gap-2 text-sm">
                    <Checkbox checked={field.value ?? false} onCheckedChange={(c) => field.onChange(c === true)} aria-describedby="prompt-public-hint" className="mt-0.5" />
                    <span>
                      <span className="font-medium">{t("form.public")}</span>
                      <span id="prompt-public-hint" className="block text-xs text-muted-foreground">
                        {t("form.publicHint")}
                      </span>
                    </span>
                  </label>
                )}
              />
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {prompt ? t("form.saveChanges") : t("form.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function variableHint(t: TFunction<"prompts">, text: string): string {
  const names = variableNamesIn(text);
  return names.length
    ? t("form.variablesHintUsed", { names: names.map((n) => `{${n}}`).join(", ") })
    : t("form.variablesHint");
}
