import { Brush, Eraser, FlipHorizontal2, Redo2, Trash, Undo2, ZoomIn, ZoomOut } from "lucide-react";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Slider } from "@/components/ui/slider";
import { formatNumber } from "@/i18n";
import { ApiError } from "@/lib/api";
import { useLockSeed } from "../hooks/use-lock-seed";
import { uploadImage, useDerive } from "../api/iteration-api";
import { useMaskCanvas } from "../hooks/use-mask-canvas";
import type { IterableImage } from "./types";

const ZOOMS = [1, 1.5, 2, 3, 4];

/** Paint the area to repaint (white), then describe what should appear there. */
export function MaskEditorDialog({
  image,
  open,
  onOpenChange,
}: {
  image: IterableImage;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation("iteration");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[95dvh] max-w-4xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("mask.title")}</DialogTitle>
          <DialogDescription>{t("mask.description")}</DialogDescription>
        </DialogHeader>
        {open && <MaskEditor image={image} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

export function MaskEditor({ image, onDone }: { image: IterableImage; onDone: () => void }) {
  const { t } = useTranslation("iteration");
  const mask = useMaskCanvas(image.width, image.height);
  const derive = useDerive(image.id);
  const [lockSeed] = useLockSeed();
  const [zoom, setZoom] = useState(0);
  const [prompt, setPrompt] = useState("");
  const [busy, setBusy] = useState(false);
  const scale = ZOOMS[zoom]!;
  const zoomText = formatNumber(scale, { style: "percent", maximumFractionDigits: 0 });
  const fit = Math.min(1, 720 / image.width, 440 / image.height);

  const submit = async () => {
    if (!mask.hasPaint()) return toast.error(t("mask.paintFirst"));
    setBusy(true);
    try {
      const { uploadId } = await uploadImage(await mask.toBlob(), "mask", "mask.png");
      await derive.mutateAsync({ kind: "inpaint", body: { maskUploadId: uploadId, prompt, lockSeed } });
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError && derive.isError))
        toast.error(t("mask.sendFailed"), { description: err instanceof Error ? err.message : undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <div role="toolbar" aria-label={t("mask.tools")} className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant={mask.erase ? "outline" : "default"}
          aria-pressed={!mask.erase}
          onClick={() => mask.setErase(false)}
        >
          <Brush aria-hidden="true" /> {t("mask.brush")}
        </Button>
        <Button
          size="sm"
          variant={mask.erase ? "default" : "outline"}
          aria-pressed={mask.erase}
          onClick={() => mask.setErase(true)}
        >
          <Eraser aria-hidden="true" /> {t("mask.eraser")}
        </Button>
        <div className="flex w-40 items-center gap-2">
          <span className="text-xs text-muted-foreground">{t("mask.size")}</span>
          <Slider
            aria-label={t("mask.brushSize")}
            min={2}
            max={Math.max(64, Math.round(Math.min(image.width, image.height) / 4))}
            value={[mask.brush]}
            onValueChange={([v]) => mask.setBrush(v ?? mask.brush)}
          />
        </div>
        <Button size="icon" variant="ghost" aria-label={t("mask.undo")} disabled={!mask.canUndo} onClick={mask.undo}>
          <Undo2 aria-hidden="true" />
        </Button>
        <Button size="icon" variant="ghost" aria-label={t("mask.redo")} disabled={!mask.canRedo} onClick={mask.redo}>
          <Redo2 aria-hidden="true" />
        </Button>
        <Button size="sm" variant="ghost" onClick={mask.invert}>
          <FlipHorizontal2 aria-hidden="true" /> {t("mask.invert")}
        </Button>
        <Button size="sm" variant="ghost" onClick={mask.clear}>
          <Trash aria-hidden="true" /> {t("mask.clear")}
        </Button>
        <Button
          size="icon"
          variant="ghost"
          aria-label={t("common.zoomOut")}
          disabled={zoom === 0}
          onClick={() => setZoom((z) => Math.max(0, z - 1))}
        >
          <ZoomOut aria-hidden="true" />
        </Button>
        <span className="w-10 text-center text-xs tabular-nums">{zoomText}</span>
        <Button
          size="icon"
          variant="ghost"
          aria-label={t("common.zoomIn")}
          disabled={zoom === ZOOMS.length - 1}
          onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
        >
          <ZoomIn aria-hidden="true" />
        </Button>
      </div>
      <div className="max-h-[55dvh] overflow-auto rounded-lg border border-border bg-muted">
        <div className="relative" style={{ width: image.width * fit * scale, height: image.height * fit * scale }}>
          <img src={image.src} alt="" draggable={false} className="absolute inset-0 size-full select-none" />
          <canvas
            ref={mask.canvasRef}
            width={image.width}
            height={image.height}
            aria-label={t("mask.canvas")}
            data-testid="mask-canvas"
            className="absolute inset-0 size-full cursor-crosshair touch-none opacity-50 mix-blend-screen"
            {...mask.handlers}
          />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="inpaint-prompt">{t("mask.promptLabel")}</Label>
        <Input
          id="inpaint-prompt"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          placeholder={t("mask.promptPlaceholder")}
        />
      </div>
      <DialogFooter>
        <Button onClick={() => void submit()} loading={busy} disabled={!prompt.trim() || busy}>
          {t("mask.submit")}
        </Button>
      </DialogFooter>
    </div>
  );
}
