import { type GenerationPreset, savePresetFormSchema } from "@image-studio/shared";
import { zodResolver } from "@/i18n/zod-resolver";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, BookmarkPlus, Star, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { modelName } from "@/components/model/engine-label";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { deletePreset, presetsQuery, saveDefaults, savePreset, settingsKeys } from "../api/settings";
import type { StudioRequest } from "../lib/form";
import { describedBy, Field } from "./field";
import { useTranslation } from "react-i18next";

interface PresetsMenuProps {
  /** The current settings as a request (null while the form is invalid for its model). */
  current: () => StudioRequest | null;
  onApply: (preset: GenerationPreset) => void;
}

/** Named presets: apply, delete, save the current settings; and "make these my defaults". */
export function PresetsMenu({ current, onApply }: PresetsMenuProps) {
  const { t } = useTranslation("studio");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const presets = useQuery({ ...presetsQuery, enabled: open });
  const remove = useMutation({
    mutationFn: deletePreset,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.presets }),
    onError: (e) => toast.error(e.message),
  });
  const defaults = useMutation({
    mutationFn: saveDefaults,
    onSuccess: (d) => {
      queryClient.setQueryData(settingsKeys.defaults, d);
      toast.success(t("presets.savedDefaults"), { description: t("presets.savedDefaultsDescription") });
    },
    onError: (e) => toast.error(e.message),
  });

  return (
    <>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button type="button" variant="outline" size="sm">
            <Bookmark aria-hidden="true" />
            {t("presets.button")}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="end" className="w-80 p-2">
          <p className="px-2 pt-1 pb-2 text-xs font-medium text-muted-foreground">{t("presets.yours")}</p>
          {presets.isPending ? (
            <div className="grid gap-2 p-2" aria-busy="true">
              <Skeleton className="h-8" />
              <Skeleton className="h-8" />
            </div>
          ) : presets.data?.length ? (
            <ul className="grid max-h-64 gap-0.5 overflow-y-auto">
              {presets.data.map((p) => (
                <li key={p.id} className="flex items-center gap-1">
                  <button
                    type="button"
                    className="flex min-w-0 flex-1 cursor-pointer flex-col items-start rounded-md px-2 py-1.5 text-left text-sm transition-colors duration-200 hover:bg-muted"
                    onClick={() => {
                      onApply(p);
                      setOpen(false);
                    }}
                  >
                    <span className="w-full truncate font-medium">{p.name}</span>
                    <span className="w-full truncate text-xs text-muted-foreground">{modelName(p.modelId)}</span>
                  </button>
                  <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={t("presets.delete", { name: p.name })} onClick={() => remove.mutate(p.id)}>
                    <Trash2 aria-hidden="true" />
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-2 pb-2 text-sm text-muted-foreground">{presets.isError ? presets.error.message : t("presets.empty")}</p>
          )}
          <div className="mt-2 grid gap-1 border-t border-border pt-2">
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="justify-start"
              onClick={() => {
                setOpen(false);
                setSaving(true);
              }}
            >
              <BookmarkPlus aria-hidden="true" />
              {t("presets.saveCurrent")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="justify-start"
              loading={defaults.isPending}
              onClick={() => {
                const req = current();
                if (!req) return toast.error(t("presets.fixFirst"));
                const { seed: _seed, ...parameters } = req.parameters;
                defaults.mutate({ defaultModelId: req.modelId, defaultParameters: parameters });
              }}
            >
              <Star aria-hidden="true" />
              {t("presets.makeDefaults")}
            </Button>
          </div>
        </PopoverContent>
      </Popover>
      <SavePresetDialog open={saving} onOpenChange={setSaving} current={current} />
    </>
  );
}

function SavePresetDialog({ open, onOpenChange, current }: { open: boolean; onOpenChange: (o: boolean) => void; current: () => StudioRequest | null }) {
  const { t } = useTranslation("studio");
  const queryClient = useQueryClient();
  const form = useForm<{ name: string }>({ resolver: zodResolver(savePresetFormSchema), defaultValues: { name: "" } });
  const [presetId] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: ({ name }: { name: string }) => {
      const req = current();
      if (!req) throw new Error(t("presets.fixFirst"));
      return savePreset(presetId, { name, modelId: req.modelId, prompt: req.prompt, negativePrompt: req.negativePrompt, parameters: req.parameters });
    },
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.presets });
      toast.success(t("presets.saved", { name: p.name }));
      form.reset({ name: "" });
      onOpenChange(false);
    },
    onError: (e) => {
      const field = e instanceof ApiError ? e.fieldErrors().name : undefined;
      if (field || (e instanceof ApiError && e.code === "CONFLICT")) form.setError("name", { message: field ?? e.message });
      else toast.error(e.message);
    },
  });
  const error = form.formState.errors.name?.message;
  const nameField = form.register("name");
  const nameAria = describedBy("preset-name", error);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("presets.dialogTitle")}</DialogTitle>
          <DialogDescription>{t("presets.dialogDescription")}</DialogDescription>
        </DialogHeader>
        <form id="save-preset" className="grid gap-4" noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
          <Field id="preset-name" label={t("presets.name")} error={error}>
            <Input id="preset-name" autoFocus placeholder={t("presets.namePlaceholder")} {...nameField} {...nameAria} />
          </Field>
        </form>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            {t("presets.cancel")}
          </Button>
          <Button type="submit" form="save-preset" loading={save.isPending}>
            {t("presets.save")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
