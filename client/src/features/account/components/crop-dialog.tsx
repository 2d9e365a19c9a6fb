import { ZoomIn, ZoomOut } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "@/components/form/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Slider } from "@/components/ui/slider";
import type { CropRect } from "../api/account";
import { MAX_ZOOM, useCrop } from "../hooks/use-crop";

const VIEW = 256;

interface CropDialogProps {
  file: File;
  onCancel: () => void;
  /** Rejects with the server's error, which is then shown in the dialog. */
  onSave: (crop: CropRect | undefined) => Promise<void>;
}

/** Drag to position, zoom with the slider (or arrow keys / + −); previews show the round result live. */
export function CropDialog({ file, onCancel, onSave }: CropDialogProps) {
  const { t } = useTranslation("account");
  const [url] = useState(() => URL.createObjectURL(file));
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state, scale, pan, setZoom, reset, crop } = useCrop(natural, VIEW);
  const drag = useRef<{ x: number; y: number } | null>(null);

  const imgStyle = natural
    ? { width: natural.w * scale, height: natural.h * scale, transform: `translate(${state.x}px, ${state.y}px)` }
    : undefined;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(unreadable ? undefined : crop());
    } catch (err) {
      setError(err instanceof Error ? err.message : t("crop.uploadFailed"));
      setSaving(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    if (moves[e.key]) {
      e.preventDefault();
      pan(...moves[e.key]!);
    } else if (e.key === "+" || e.key === "=") setZoom(state.zoom + 0.25);
    else if (e.key === "-") setZoom(state.zoom - 0.25);
  };

  const preview = (size: number) => (
    <div
      className="relative shrink-0 overflow-hidden rounded-full bg-muted ring-1 ring-border"
      style={{ width: size, height: size }}
    >
      {natural && !unreadable && (
        <img
          src={url}
          alt=""
          draggable={false}
          className="absolute top-0 left-0 max-w-none origin-top-left"
          style={{ ...imgStyle, scale: String(size / VIEW) }}
        />
      )}
    </div>
  );

  return (
    <Dialog open onOpenChange={(open) => !open && !saving && onCancel()}>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>{t("crop.title")}</DialogTitle>
          <DialogDescription>{t("crop.description")}</DialogDescription>
        </DialogHeader>
        {error && <FormAlert>{error}</FormAlert>}
        {unreadable ? (
          <FormAlert tone="info" title={t("crop.noPreviewTitle")}>
            {t("crop.noPreview")}
          </FormAlert>
        ) : (
          <div className="grid justify-items-center gap-4">
            <div
              role="application"
              aria-label={t("crop.area")}
              tabIndex={0}
              onKeyDown={onKeyDown}
              onPointerDown={(e) => {
                (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
                drag.current = { x: e.clientX, y: e.clientY };
              }}
              onPointerMove={(e) => {
                if (!drag.current) return;
                pan(e.clientX - drag.current.x, e.clientY - drag.current.y);
                drag.current = { x: e.clientX, y: e.clientY };
              }}
              onPointerUp={() => (drag.current = null)}
              onPointerCancel={() => (drag.current = null)}
              className="relative cursor-grab touch-none overflow-hidden rounded-xl bg-muted select-none active:cursor-grabbing"
              style={{ width: VIEW, height: VIEW }}
            >
              <img
                src={url}
                alt={t("crop.imageAlt")}
                draggable={false}
                onLoad={(e) => {
                  const n = { w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight };
                  setNatural(n);
                  reset(n);
                }}
                onError={() => setUnreadable(true)}
                className="absolute top-0 left-0 max-w-none"
                style={imgStyle ?? { opacity: 0 }}
              />
              <div
                aria-hidden="true"
                className="pointer-events-none absolute inset-0 rounded-full shadow-[0_0_0_9999px_rgb(0_0_0/0.45)] ring-2 ring-white/80"
              />
            </div>
            <div className="flex w-full max-w-64 items-center gap-3">
              <ZoomOut className="size-4 text-muted-foreground" aria-hidden="true" />
              <Slider
                aria-label={t("crop.zoom")}
                min={1}
                max={MAX_ZOOM}
                step={0.01}
                value={[state.zoom]}
                onValueChange={([z]) => setZoom(z ?? 1)}
              />
              <ZoomIn className="size-4 text-muted-foreground" aria-hidden="true" />
            </div>
            <div className="flex items-end gap-3" aria-label={t("crop.preview")}>
              {preview(96)}
              {preview(40)}
            </div>
          </div>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onCancel} disabled={saving}>
            {t("crop.cancel")}
          </Button>
          <Button onClick={() => void save()} loading={saving} disabled={!natural && !unreadable}>
            {t("crop.save")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
