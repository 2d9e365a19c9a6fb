import { type AnimateRequest, LOCAL_MOTIONS, type LocalMotion } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { modelsOptions, useDerive } from "../api/iteration-api";
import { modelDescription } from "@/i18n/labels";

const selectClass =
  "h-10 w-full rounded-lg border border-input bg-background px-3 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Image → video: the model (local engine or fal's video models), a motion prompt, length and camera move. */
export function AnimateDialog({
  imageId,
  prompt,
  lockSeed,
  open,
  onOpenChange,
}: {
  imageId: string;
  prompt: string;
  lockSeed: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation("iteration");
  const { data: models = [] } = useQuery(modelsOptions);
  const videoModels = models.filter((m) => m.operations.includes("image-to-video") && m.isActive);
  const usable = videoModels.filter((m) => m.available);
  const [modelId, setModelId] = useState<string>("");
  const model = usable.find((m) => m.id === modelId) ?? usable.find((m) => m.provider === "fal") ?? usable[0];
  const durationSpec = model?.params.find((p) => p.key === "duration");
  const durations = (durationSpec?.options ?? []).map(Number);
  const [duration, setDuration] = useState<number | null>(null);
  const [motion, setMotion] = useState<LocalMotion>("zoom-in");
  const [text, setText] = useState("");
  const derive = useDerive(imageId, { onQueued: () => onOpenChange(false) });
  const takesMotion = !!model?.params.some((p) => p.key === "motion");
  const chosen = duration !== null && durations.includes(duration) ? duration : Number(durationSpec?.default ?? durations[0] ?? 2);
  const submit = () => {
    if (!model) return;
    const body: AnimateRequest = { modelId: model.id, duration: chosen, lockSeed, ...(text.trim() ? { prompt: text.trim() } : {}) };
    if (takesMotion) body.motion = motion;
    derive.mutate({ kind: "animate", body });
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("animate.title")}</DialogTitle>
          <DialogDescription>{t("animate.description")}</DialogDescription>
        </DialogHeader>
        {!model ? (
          <p className="text-sm text-muted-foreground">{t("animate.noModel")}</p>
        ) : (
          <div className="flex flex-col gap-4">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="animate-model">{t("common.model")}</Label>
              <select id="animate-model" className={selectClass} value={model.id} onChange={(e) => setModelId(e.target.value)}>
                {usable.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.displayName}
                  </option>
                ))}
              </select>
              <p className="text-xs text-muted-foreground">{modelDescription(t, model)}</p>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="animate-prompt">{t("animate.motion")}</Label>
              <Textarea id="animate-prompt" rows={2} placeholder={prompt || t("animate.motionPlaceholder")} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="animate-duration">{t("animate.length")}</Label>
                <select id="animate-duration" className={selectClass} value={chosen} onChange={(e) => setDuration(Number(e.target.value))}>
                  {durations.map((d) => (
                    <option key={d} value={d}>
                      {t("animate.seconds", { count: d })}
                    </option>
                  ))}
                </select>
              </div>
              {takesMotion && (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="animate-camera">{t("animate.camera")}</Label>
                  <select id="animate-camera" className={selectClass} value={motion} onChange={(e) => setMotion(e.target.value as LocalMotion)}>
                    {LOCAL_MOTIONS.map((m) => (
                      <option key={m} value={m}>
                        {t(`animate.motions.${m}`)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          </div>
        )}
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} disabled={!model || derive.isPending}>
            {t("animate.submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
