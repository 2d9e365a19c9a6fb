import { OUTPAINT_MAX_EXTEND, type OutpaintExtend } from "@image-studio/shared";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDerive } from "../api/iteration-api";
import { useLockSeed } from "../hooks/use-lock-seed";
import type { IterableImage } from "./types";

const SIDES = ["top", "right", "bottom", "left"] as const;

/** The extended canvas drawn to scale: the original in place, the new area checkered. */
export function OutpaintPreview({ image, extend }: { image: IterableImage; extend: OutpaintExtend }) {
  const w = image.width + extend.left + extend.right;
  const h = image.height + extend.top + extend.bottom;
  const { t } = useTranslation("iteration");
  const fit = Math.min(1, 480 / w, 320 / h);
  return (
    <figure className="flex flex-col items-center gap-1">
      <div
        data-testid="outpaint-preview"
        className="relative rounded border border-dashed border-primary bg-[repeating-conic-gradient(var(--color-muted)_0_25%,transparent_0_50%)] bg-[length:16px_16px]"
        style={{ width: w * fit, height: h * fit }}
      >
        <img
          src={image.src}
          alt=""
          className="absolute"
          style={{
            left: extend.left * fit,
            top: extend.top * fit,
            width: image.width * fit,
            height: image.height * fit,
          }}
        />
      </div>
      <figcaption className="text-xs text-muted-foreground tabular-nums">
        {t("outpaint.size", { width: image.width, height: image.height, newWidth: w, newHeight: h })}
      </figcaption>
    </figure>
  );
}

export function OutpaintDialog({
  image,
  open,
  onOpenChange,
}: {
  image: IterableImage;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation("iteration");
  const [extend, setExtend] = useState<OutpaintExtend>({ top: 0, right: 0, bottom: 0, left: 0 });
  const [prompt, setPrompt] = useState("");
  const derive = useDerive(image.id);
  const [lockSeed] = useLockSeed();
  const quarterW = Math.round(image.width / 4);
  const quarterH = Math.round(image.height / 4);
  const total = extend.top + extend.right + extend.bottom + extend.left;
  const set = (side: (typeof SIDES)[number], v: number) =>
    setExtend((e) => ({ ...e, [side]: Math.max(0, Math.min(OUTPAINT_MAX_EXTEND, Math.round(v) || 0)) }));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("outpaint.title")}</DialogTitle>
          <DialogDescription>{t("outpaint.description")}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="outline"
            onClick={() => setExtend({ top: 0, bottom: 0, left: quarterW, right: quarterW })}
          >
            {t("outpaint.wider")}
          </Button>
          <Button
            size="sm"
            variant="outline"
            onClick={() => setExtend({ left: 0, right: 0, top: quarterH, bottom: quarterH })}
          >
            {t("outpaint.taller")}
          </Button>
          <Button
            size="sm"
            variant="outline"
            onClick={() => setExtend({ top: quarterH, bottom: quarterH, left: quarterW, right: quarterW })}
          >
            {t("outpaint.allSides")}
          </Button>
        </div>
        <div className="grid grid-cols-4 gap-2">
          {SIDES.map((side) => (
            <div key={side} className="flex flex-col gap-1">
              <Label htmlFor={`outpaint-${side}`} className="capitalize">
                {t(`outpaint.side.${side}`)}
              </Label>
              <Input
                id={`outpaint-${side}`}
                type="number"
                min={0}
                max={OUTPAINT_MAX_EXTEND}
                step={8}
                value={extend[side]}
                onChange={(e) => set(side, Number(e.target.value))}
              />
            </div>
          ))}
        </div>
        <OutpaintPreview image={image} extend={extend} />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="outpaint-prompt">{t("outpaint.prompt")}</Label>
          <Input id="outpaint-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        </div>
        <DialogFooter>
          <Button
            disabled={total === 0}
            loading={derive.isPending}
            onClick={() =>
              derive.mutate(
                { kind: "outpaint", body: { extend, prompt: prompt.trim() || undefined, lockSeed } },
                { onSuccess: () => onOpenChange(false) },
              )
            }
          >
            {t("outpaint.submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
