import { zodResolver } from "@hookform/resolvers/zod";
import { LORA_MODEL_ID, type RemixRequest, remixRequestSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
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
  const derive = useDerive(imageId);
  const models = useQuery({ ...modelsOptions, enabled: open });
  const loraModel = models.data?.find((m) => m.id === LORA_MODEL_ID);
  const loraUnavailable =
    models.data && !loraModel?.available
      ? `LoRAs need ${loraModel?.displayName ?? "FLUX LoRA"} on fal.ai, which is not available here${loraModel?.unavailableReason ? ` (${loraModel.unavailableReason})` : ""}.`
      : undefined;
  const form = useForm<RemixRequest, unknown, RemixOutput>({
    resolver: zodResolver(remixRequestSchema),
    defaultValues: { prompt: initial, strength: 0.6, lockSeed, loras: [] },
  });
  const { errors } = form.formState;
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
          <DialogTitle>Remix</DialogTitle>
          <DialogDescription>Start from this image and steer it with a new prompt or LoRAs.</DialogDescription>
        </DialogHeader>
        <form id="remix-form" noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="remix-prompt">Prompt</Label>
            <Textarea id="remix-prompt" rows={3} {...form.register("prompt")} />
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
                <span className="text-sm font-medium">Change: {Math.round((field.value ?? 0.6) * 100)}%</span>
                <Slider
                  aria-label="How much to change"
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
                <Switch checked={!!field.value} onCheckedChange={field.onChange} aria-label="Keep the seed" /> Keep
                this image's seed
              </label>
            )}
          />
        </form>
        <DialogFooter>
          <Button type="submit" form="remix-form" loading={derive.isPending}>
            Remix
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
