import { zodResolver } from "@hookform/resolvers/zod";
import { LIMITS, type Prompt, type PromptUpdate, promptCreateSchema } from "@image-studio/shared";
import { useEffect, useId } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
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
import { createPrompt, updatePrompt } from "../api/prompts-store";

/** The create form is the shared create contract without the id (minted on submit). */
const formSchema = promptCreateSchema.omit({ id: true });
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;

const EDITABLE = ["title", "promptText", "negativePrompt", "category", "tags"] as const;

const toValues = (p?: Prompt): FormIn => ({
  title: p?.title ?? "",
  promptText: p?.promptText ?? "",
  negativePrompt: p?.negativePrompt ?? "",
  category: p?.category ?? "",
  tags: p?.tags ?? [],
});

const normalise = (v: FormOut) => ({
  ...v,
  negativePrompt: v.negativePrompt ?? "",
  category: v.category?.trim() || null,
  tags: v.tags ?? [],
});

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
  useEffect(() => {
    if (open) reset(toValues(prompt));
  }, [open, prompt, reset]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (prompt) await updatePrompt(prompt, changedFields(prompt, values));
      else await createPrompt({ ...normalise(values), id: crypto.randomUUID() });
      onOpenChange(false);
      toast.success(prompt ? "Prompt updated" : "Prompt saved", {
        description: navigator.onLine ? undefined : "Kept on this device; it syncs when you're back online.",
      });
    } catch (err) {
      toast.error("Couldn't save the prompt", { description: err instanceof Error ? err.message : String(err) });
    }
  });

  const err = (k: keyof FormIn) => errors[k]?.message;
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
