import type { Job, StyleTransferRequest } from "@image-studio/shared";
import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
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
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { formatNumber, i18n } from "@/i18n";
import { ApiError } from "@/lib/api";
import { uploadImage, useDerive } from "../api/iteration-api";
import { ImagePicker } from "./image-picker";
import { SourceDrop } from "./source-drop";

type Reference = { kind: "image"; id: string } | { kind: "file"; file: Blob; name: string; url: string };

async function upload(ref: Extract<Reference, { kind: "file" }>): Promise<string> {
  try {
    return (await uploadImage(ref.file, "style", ref.name)).uploadId;
  } catch (err) {
    toast.error(i18n.t("iteration:style.uploadFailed"), {
      description: err instanceof ApiError ? err.message : i18n.t("iteration:common.tryAgain"),
    });
    throw err;
  }
}

/** Repaint this image in the style of a reference: one of your images, or a picture uploaded from the device. */
export function StyleTransferDialog({
  imageId,
  lockSeed: initialLock = false,
  open,
  onOpenChange,
  onQueued,
}: {
  imageId: string;
  /** Each job it starts (the studio follows it in its results). */
  onQueued?: (job: Job) => void;
  lockSeed?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation("iteration");
  const [reference, setReference] = useState<Reference | null>(null);
  const [strength, setStrength] = useState(0.6);
  const [prompt, setPrompt] = useState("");
  const [lockSeed, setLockSeed] = useState(initialLock);
  const derive = useDerive(imageId, { onQueued });
  useEffect(() => () => void (reference?.kind === "file" && URL.revokeObjectURL(reference.url)), [reference]);

  const send = useMutation({
    mutationFn: async (ref: Reference) => {
      const style = ref.kind === "image" ? { styleImageId: ref.id } : { styleUploadId: await upload(ref) };
      const body: StyleTransferRequest = { ...style, strength, lockSeed, prompt: prompt.trim() || undefined };
      return derive.mutateAsync({ kind: "style-transfer", body });
    },
    onSuccess: () => onOpenChange(false),
  });
  const busy = send.isPending;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("style.title")}</DialogTitle>
          <DialogDescription>{t("style.description")}</DialogDescription>
        </DialogHeader>
        <Tabs defaultValue="gallery" className="flex flex-col gap-3">
          <TabsList>
            <TabsTrigger value="gallery">{t("style.fromImages")}</TabsTrigger>
            <TabsTrigger value="upload">{t("style.upload")}</TabsTrigger>
          </TabsList>
          <TabsContent value="gallery">
            <ImagePicker
              label={t("style.reference")}
              exclude={imageId}
              value={reference?.kind === "image" ? reference.id : undefined}
              onPick={(id) => setReference({ kind: "image", id })}
            />
          </TabsContent>
          <TabsContent value="upload">
            {reference?.kind === "file" ? (
              <div className="relative self-start">
                <img src={reference.url} alt={t("style.reference")} className="max-h-48 rounded-lg border border-border" />
                <Button
                  type="button"
                  size="icon"
                  variant="secondary"
                  aria-label={t("style.removeReference")}
                  className="absolute top-1 right-1 size-7"
                  onClick={() => setReference(null)}
                >
                  <X aria-hidden="true" />
                </Button>
              </div>
            ) : (
              <SourceDrop onFile={(file, name) => setReference({ kind: "file", file, name, url: URL.createObjectURL(file) })} />
            )}
          </TabsContent>
        </Tabs>
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">{t("style.strengthValue", { percent: formatNumber(strength, { style: "percent", maximumFractionDigits: 0 }) })}</span>
          <Slider
            aria-label={t("style.strength")}
            min={0.05}
            max={1}
            step={0.05}
            value={[strength]}
            onValueChange={([v]) => setStrength(v ?? strength)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="style-prompt">{t("style.prompt")}</Label>
          <Textarea
            id="style-prompt"
            rows={2}
            placeholder={t("style.promptPlaceholder")}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={lockSeed} onCheckedChange={setLockSeed} aria-label={t("common.keepSeedLabel")} /> {t("common.keepImageSeed")}
        </label>
        <DialogFooter>
          {!reference && <span className="mr-auto text-sm text-muted-foreground">{t("style.chooseFirst")}</span>}
          <Button disabled={!reference} loading={busy} onClick={() => reference && send.mutate(reference)}>
            {t("style.submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
