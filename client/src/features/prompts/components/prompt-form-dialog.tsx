import { zodResolver } from "@hookform/resolvers/zod";
import { LIMITS, type Prompt, type PromptUpdate, promptCreateSchema } from "@image-studio/shared";
import { useEffect, useId } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
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
      toast.success(prompt ? "Prompt updated" : "Prompt saved", {
        description: navigator.onLine ? undefined : "Kept on this device; it syncs when you're back online.",
      });
    } catch (err) {
      toast.error("Couldn't save the prompt", { description: err instanceof Error ? err.message : String(err) });
    }
  });

  const err = (k: keyof FormIn): string | undefined => {
    const m = errors[k]?.message;
    return typeof m === "string" ? m : undefined;
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{prompt ? "Edit prompt" : "New prompt"}</DialogTitle>
            <DialogDescription>Save a prompt to reuse it in the studio in one click.</DialogDescription>
          </DialogHeader>
          <FormField id="prompt-title" label="Title" error={err("title")}>
            <Input
              {...fieldA11y("prompt-title", err("title"))}
              maxLength={LIMITS.nameMaxLength}
              autoComplete="off"
              {...form.register("title")}
            />
          </FormField>
          <FormField id="prompt-text" label="Prompt" error={err("promptText")}>
            <Textarea
              {...fieldA11y("prompt-text", err("promptText"))}
              rows={4}
              autoResize
              className="max-h-64"
              maxLength={LIMITS.promptMaxLength}
              {...form.register("promptText")}
            />
          </FormField>
          <FormField
            id="prompt-negative"
            label="Negative prompt"
            hint="Optional: what to keep out of the image."
            error={err("negativePrompt")}
          >
            <Textarea
              {...fieldA11y("prompt-negative", err("negativePrompt"), "hint")}
              rows={2}
              maxLength={LIMITS.negativePromptMaxLength}
              {...form.register("negativePrompt")}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="prompt-category"
              label="Category"
              hint="Optional. Pick one or type a new one."
              error={err("category")}
            >
              <Input
                {...fieldA11y("prompt-category", err("category"), "hint")}
                list={categoryList}
                maxLength={80}
                autoComplete="off"
                {...form.register("category")}
              />
              <datalist id={categoryList}>
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </FormField>
            <FormField
              id="prompt-tags"
              label="Tags"
              error={errors.tags?.message ?? (Array.isArray(errors.tags) ? "Check the tags" : undefined)}
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
                    <span className="font-medium">Template</span>
                    <span id="prompt-template-hint" className="block text-xs text-muted-foreground">
                      Use <code className="font-mono">{"{name}"}</code> for a variable and <code className="font-mono">{"{snow|rain}"}</code> for alternatives; batches
                      make one image per combination.
                    </span>
                  </span>
                </label>
              )}
            />
            {(isTemplate || Boolean(variablesText)) && (
              <FormField
                id="prompt-variables"
                label="Variables"
                hint={variableHint(promptText)}
                error={err("variablesText")}
              >
                <Textarea
                  {...fieldA11y("prompt-variables", err("variablesText"), "hint")}
                  rows={3}
                  className="font-mono text-xs"
                  placeholder={"animal: cat, dog, fox\nweather: snow, rain"}
                  {...form.register("variablesText")}
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
                      <span className="font-medium">Share with the community</span>
                      <span id="prompt-public-hint" className="block text-xs text-muted-foreground">
                        Others can find, star and copy it (your name is shown, never your e-mail). Untick to take it back.
                      </span>
                    </span>
                  </label>
                )}
              />
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {prompt ? "Save changes" : "Save prompt"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function variableHint(text: string): string {
  const names = variableNamesIn(text);
  return names.length
    ? `One line each: name: value, value. This prompt uses ${names.map((n) => `{${n}}`).join(", ")}.`
    : "One line each: name: value, value — then write {name} in the prompt.";
}
