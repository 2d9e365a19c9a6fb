import { zodResolver } from "@/i18n/zod-resolver";
import { LORA_MODEL_ID, type RemixRequest, remixRequestSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Slider } from "@/components/ui/slider";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { formatNumber } from "@/i18n";
import { applyServerErrors } from "@/lib/form-errors";
import { modelsOptions, useDerive } from "../api/iteration-api";
import { LoraFields, type RemixOutput } from "./lora-fields";

/** Image-to-image from this picture with a new (or the same) prompt, optionally through LoRAs. */
export function RemixDialog({
  imageId,
  prompt: initial,
  lockSeed = false,
  open,
  onOpenChange,
}: {
  imageId: string;
  prompt: string;
  lockSeed?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation("iteration");
  const derive = useDerive(imageId);
  const models = useQuery({ ...modelsOptions, enabled: open });
  const loraModel = models.data?.find((m) => m.id === LORA_MODEL_ID);
  const loraUnavailable =
    models.data && !loraModel?.available
      ? loraModel?.unavailableReason
        ? t("remix.loraUnavailableWhy", { model: loraModel.displayName, reason: loraModel.unavailableReason })
        : t("remix.loraUnavailable", { model: loraModel?.displayName ?? "FLUX LoRA" })
      : undefined;
  const form = useForm<RemixRequest, unknown, RemixOutput>({
    resolver: zodResolver(remixRequestSchema),
    defaultValues: { prompt: initial, strength: 0.6, lockSeed, loras: [] },
  });
  const { errors } = form.formState;
  const promptField = form.register("prompt");
  const submit = form.handleSubmit((v) => {
    const body: RemixRequest = { prompt: v.prompt || undefined, strength: v.strength, lockSeed: v.lockSeed };
    if (v.loras?.length) body.loras = v.loras;
    derive.mutate(
      { kind: "remix", body },
      {
        onSuccess: () => onOpenChange(false),
        onError: (err) => void applyServerErrors(err, form.setError, ["prompt", "strength", "loras"]),
      },
    );
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("remix.title")}</DialogTitle>
          <DialogDescription>{t("remix.description")}</DialogDescription>
        </DialogHeader>
        <form id="remix-form" noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="remix-prompt">{t("common.prompt")}</Label>
            <Textarea id="remix-prompt" rows={3} {...promptField} />
            {errors.prompt?.message && (
              <p role="alert" className="text-xs text-destructive-strong">
                {errors.prompt.message}
              </p>
            )}
          </div>
          <Controller
            control={form.control}
            name="strength"
            render={({ field }) => (
              <div className="flex flex-col gap-1.5">
                <span className="text-sm font-medium">{t("remix.change", { percent: formatNumber(field.value ?? 0.6, { style: "percent", maximumFractionDigits: 0 }) })}</span>
                <Slider
                  aria-label={t("remix.howMuch")}
                  min={0.05}
                  max={1}
                  step={0.05}
                  value={[field.value ?? 0.6]}
                  onValueChange={([v]) => field.onChange(v ?? field.value)}
                />
              </div>
            )}
          />
          <LoraFields control={form.control} register={form.register} errors={errors} unavailable={loraUnavailable} />
          <Controller
            control={form.control}
            name="lockSeed"
            render={({ field }) => (
              <label className="flex items-center gap-2 text-sm">
                <Switch checked={!!field.value} onCheckedChange={field.onChange} aria-label={t("common.keepSeedLabel")} />{" "}
                {t("common.keepImageSeed")}
              </label>
            )}
          />
        </form>
        <DialogFooter>
          <Button type="submit" form="remix-form" loading={derive.isPending}>
            {t("remix.submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
