import { cssFilterOf, rotatedSize } from "@image-studio/shared";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { cropOf, type EditState } from "../lib/geometry";

/**
 * The live preview: the picture rotated and flipped as it will be saved, the adjustments as the same CSS filter
 * the server reproduces, and the crop shown as a frame with the rest dimmed.
 */
export function EditPreview({ src, width, height, state, label }: { src: string; width: number; height: number; state: EditState; label: string }) {
  const { t } = useTranslation("image-edit");
  const canvas = useRef<HTMLCanvasElement>(null);
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = new Image();
    el.onload = () => setImg(el);
    el.onerror = () => setFailed(true);
    el.src = src;
  }, [src]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !img) return;
    const scale = Math.min(1, 768 / Math.max(width, height));
    const w = Math.round(width * scale);
    const h = Math.round(height * scale);
    const out = rotatedSize(w, h, state.rotate);
    c.width = out.width;
    c.height = out.height;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.save();
    ctx.filter = cssFilterOf(state);
    ctx.translate(out.width / 2, out.height / 2);
    ctx.scale(state.flipH ? -1 : 1, state.flipV ? -1 : 1);
    ctx.rotate((state.rotate * Math.PI) / 180);
    ctx.drawImage(img, -w / 2, -h / 2, w, h);
    ctx.restore();
    const crop = cropOf(state, width, height);
    if (crop) {
      const r = { x: crop.x * out.width, y: crop.y * out.height, w: crop.width * out.width, h: crop.height * out.height };
      ctx.fillStyle = "rgba(0,0,0,0.55)";
      ctx.beginPath();
      ctx.rect(0, 0, out.width, out.height);
      ctx.rect(r.x, r.y, r.w, r.h);
      ctx.fill("evenodd");
      ctx.lineWidth = 2;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeRect(r.x + 1, r.y + 1, r.w - 2, r.h - 2);
      ctx.setLineDash([6, 6]);
      ctx.strokeStyle = "#8B5CF6";
      ctx.strokeRect(r.x + 1, r.y + 1, r.w - 2, r.h - 2);
    }
  }, [img, state, width, height]);
  if (failed) return <p className="rounded-xl border border-border p-6 text-sm text-foreground/80">{t("preview.failed")}</p>;
  return (
    <div className="grid place-items-center rounded-xl bg-muted p-2">
      <canvas ref={canvas} role="img" aria-label={label} data-testid="edit-preview" className="max-h-[50dvh] max-w-full object-contain" />
    </div>
  );
}
