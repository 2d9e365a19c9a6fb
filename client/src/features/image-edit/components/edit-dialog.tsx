import { CROP_PRESETS } from "@image-studio/shared";
import { useNavigate } from "@tanstack/react-router";
import { Crop, FlipHorizontal2, FlipVertical2, RotateCcw, RotateCw, SlidersHorizontal, WifiOff } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldClasses } from "@/components/ui/input";
import { Slider } from "@/components/ui/slider";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { useEditImage } from "../api";
import { cropOf, type EditState, INITIAL_EDIT, isUnchanged, outputSize, turn } from "../lib/geometry";
import { EditPreview } from "./edit-preview";

const subscribe = (cb: () => void) => {
  window.addEventListener("online", cb);
  window.addEventListener("offline", cb);
  return () => {
    window.removeEventListener("online", cb);
    window.removeEventListener("offline", cb);
  };
};
/** Presets whose label is words (the ratios read the same in every language). */
const PRESET_KEYS: Partial<Record<EditState["preset"], "crop.free" | "crop.original" | "crop.square">> = { free: "crop.free", original: "crop.original", "1:1": "crop.square" };

const useOnline = () => useSyncExternalStore(subscribe, () => navigator.onLine, () => true);

export interface EditableImage {
  id: string;
  width: number;
  height: number;
  src: string;
  altText?: string;
}

function Range({ id, label, value, min, max, onChange, unit = "" }: { id: string; label: string; value: number; min: number; max: number; onChange: (v: number) => void; unit?: string }) {
  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between text-sm">
        <span id={`${id}-label`} className="font-medium">
          {label}
        </span>
        <output htmlFor={id} className="tabular-nums text-foreground/80">
          {value > 0 && min < 0 ? "+" : ""}
          {value}
          {unit}
        </output>
      </div>
      <Slider id={id} aria-labelledby={`${id}-label`} value={[value]} min={min} max={max} step={1} onValueChange={(v) => onChange(v[0] ?? value)} />
    </div>
  );
}

/** Crop (aspect presets), rotate, flip and adjust with a live preview; saving makes a new version on the server. */
export function EditDialog({ image, open, onOpenChange }: { image: EditableImage; open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation("image-edit");
  const [s, setS] = useState<EditState>(INITIAL_EDIT);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const online = useOnline();
  const save = useEditImage(image.id);
  const navigate = useNavigate();
  const set = (patch: Partial<EditState>) => setS((prev) => ({ ...prev, ...patch }));
  const size = outputSize(s, image.width, image.height);
  const submit = () =>
    save.mutate(
      { clientId, rotate: s.rotate, flipH: s.flipH, flipV: s.flipV, crop: cropOf(s, image.width, image.height), brightness: s.brightness, contrast: s.contrast, saturation: s.saturation },
      {
        onSuccess: (out) => {
          toast.success(t("saved.title"), { description: t("saved.description", { width: out.width, height: out.height }), action: { label: t("saved.open"), onClick: () => void navigate({ to: "/images/$imageId", params: { imageId: out.id } }) } });
          setS(INITIAL_EDIT);
          setClientId(crypto.randomUUID());
          onOpenChange(false);
        },
        onError: (err) => toast.error(t("failed.title"), { description: err instanceof ApiError ? err.message : t("failed.tryAgain") }),
      },
    );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[95dvh] overflow-y-auto sm:max-w-4xl">
        <DialogHeader>
          <DialogTitle>{t("dialog.title")}</DialogTitle>
          <DialogDescription>{t("dialog.description")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_18rem]">
          <EditPreview src={image.src} width={image.width} height={image.height} state={s} label={t("dialog.preview", { width: size.width, height: size.height })} />
          <div className="grid content-start gap-4">
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-semibold">{t("rotate.legend")}</legend>
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="outline" size="sm" onClick={() => set({ rotate: turn(s.rotate, -90) })}>
                  <RotateCcw aria-hidden="true" /> {t("rotate.left")}
                </Button>
                <Button type="button" variant="outline" size="sm" onClick={() => set({ rotate: turn(s.rotate, 90) })}>
                  <RotateCw aria-hidden="true" /> {t("rotate.right")}
                </Button>
                <Button type="button" variant="outline" size="sm" aria-pressed={s.flipH} className={cn(s.flipH && "border-primary bg-primary/10")} onClick={() => set({ flipH: !s.flipH })}>
                  <FlipHorizontal2 aria-hidden="true" /> {t("rotate.flipH")}
                </Button>
                <Button type="button" variant="outline" size="sm" aria-pressed={s.flipV} className={cn(s.flipV && "border-primary bg-primary/10")} onClick={() => set({ flipV: !s.flipV })}>
                  <FlipVertical2 aria-hidden="true" /> {t("rotate.flipV")}
                </Button>
              </div>
            </fieldset>
            <fieldset className="grid gap-3">
              <legend className="mb-1 flex items-center gap-1.5 text-sm font-semibold">
                <Crop className="size-4" aria-hidden="true" /> {t("crop.legend")}
              </legend>
              <label htmlFor="edit-crop" className="sr-only">
                {t("crop.shape")}
              </label>
              <select id="edit-crop" value={s.preset} onChange={(e) => set({ preset: e.target.value as EditState["preset"], size: 100, posX: 50, posY: 50 })} className={cn(fieldClasses, "h-10 w-full")}>
                <option value="none">{t("crop.none")}</option>
                {CROP_PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {PRESET_KEYS[p.id] ? t(PRESET_KEYS[p.id]!) : p.label}
                  </option>
                ))}
              </select>
              {s.preset === "free" && (
                <>
                  <Range id="edit-crop-w" label={t("crop.width")} value={s.freeWidth} min={5} max={100} unit="%" onChange={(v) => set({ freeWidth: v })} />
                  <Range id="edit-crop-h" label={t("crop.height")} value={s.freeHeight} min={5} max={100} unit="%" onChange={(v) => set({ freeHeight: v })} />
                </>
              )}
              {s.preset !== "none" && s.preset !== "free" && <Range id="edit-crop-size" label={t("crop.size")} value={s.size} min={10} max={100} unit="%" onChange={(v) => set({ size: v })} />}
              {s.preset !== "none" && (
                <>
                  <Range id="edit-crop-x" label={t("crop.x")} value={s.posX} min={0} max={100} unit="%" onChange={(v) => set({ posX: v })} />
                  <Range id="edit-crop-y" label={t("crop.y")} value={s.posY} min={0} max={100} unit="%" onChange={(v) => set({ posY: v })} />
                </>
              )}
            </fieldset>
            <fieldset className="grid gap-3">
              <legend className="mb-1 flex items-center gap-1.5 text-sm font-semibold">
                <SlidersHorizontal className="size-4" aria-hidden="true" /> {t("adjust.legend")}
              </legend>
              <Range id="edit-brightness" label={t("adjust.brightness")} value={s.brightness} min={-100} max={100} onChange={(v) => set({ brightness: v })} />
              <Range id="edit-contrast" label={t("adjust.contrast")} value={s.contrast} min={-100} max={100} onChange={(v) => set({ contrast: v })} />
              <Range id="edit-saturation" label={t("adjust.saturation")} value={s.saturation} min={-100} max={100} onChange={(v) => set({ saturation: v })} />
            </fieldset>
            <p className="text-sm text-foreground/80">
              {t("dialog.result", { width: size.width, height: size.height })}
            </p>
          </div>
        </div>
        {!online && (
          <p role="status" className="flex items-center gap-2 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm">
            <WifiOff className="size-4 shrink-0" aria-hidden="true" /> {t("dialog.offline")}
          </p>
        )}
        <DialogFooter className="gap-2">
          <Button type="button" variant="ghost" onClick={() => setS(INITIAL_EDIT)} disabled={isUnchanged(s)}>
            {t("dialog.reset")}
          </Button>
          <Button type="button" onClick={submit} disabled={!online || isUnchanged(s) || save.isPending}>
            {save.isPending ? t("dialog.saving") : t("dialog.save")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The image page's Edit button (mounted next to the iteration tools). */
export function EditButton({ image }: { image: EditableImage }) {
  const { t } = useTranslation("image-edit");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Crop aria-hidden="true" /> {t("button")}
      </Button>
      {open && <EditDialog image={image} open={open} onOpenChange={setOpen} />}
    </>
  );
}
