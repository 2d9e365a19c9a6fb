import { CROP_PRESETS } from "@image-studio/shared";
import { useNavigate } from "@tanstack/react-router";
import { Crop, FlipHorizontal2, FlipVertical2, RotateCcw, RotateCw, SlidersHorizontal, WifiOff } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
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
          toast.success("Saved as a new version", { description: `${out.width}×${out.height}, linked to the original in its lineage.`, action: { label: "Open", onClick: () => void navigate({ to: "/images/$imageId", params: { imageId: out.id } }) } });
          setS(INITIAL_EDIT);
          setClientId(crypto.randomUUID());
          onOpenChange(false);
        },
        onError: (err) => toast.error("The edit was not saved", { description: err instanceof ApiError ? err.message : "Please try again." }),
      },
    );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[95dvh] overflow-y-auto sm:max-w-4xl">
        <DialogHeader>
          <DialogTitle>Edit image</DialogTitle>
          <DialogDescription>Crop, rotate, flip and adjust. Saving keeps the original and adds the result as a new version — free of credits.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_18rem]">
          <EditPreview src={image.src} width={image.width} height={image.height} state={s} label={`Preview of the edit, ${size.width}×${size.height} pixels`} />
          <div className="grid content-start gap-4">
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-semibold">Rotate and flip</legend>
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="outline" size="sm" onClick={() => set({ rotate: turn(s.rotate, -90) })}>
                  <RotateCcw aria-hidden="true" /> Rotate left
                </Button>
                <Button type="button" variant="outline" size="sm" onClick={() => set({ rotate: turn(s.rotate, 90) })}>
                  <RotateCw aria-hidden="true" /> Rotate right
                </Button>
                <Button type="button" variant="outline" size="sm" aria-pressed={s.flipH} className={cn(s.flipH && "border-primary bg-primary/10")} onClick={() => set({ flipH: !s.flipH })}>
                  <FlipHorizontal2 aria-hidden="true" /> Flip horizontal
                </Button>
                <Button type="button" variant="outline" size="sm" aria-pressed={s.flipV} className={cn(s.flipV && "border-primary bg-primary/10")} onClick={() => set({ flipV: !s.flipV })}>
                  <FlipVertical2 aria-hidden="true" /> Flip vertical
                </Button>
              </div>
            </fieldset>
            <fieldset className="grid gap-3">
              <legend className="mb-1 flex items-center gap-1.5 text-sm font-semibold">
                <Crop className="size-4" aria-hidden="true" /> Crop
              </legend>
              <label htmlFor="edit-crop" className="sr-only">
                Crop shape
              </label>
              <select id="edit-crop" value={s.preset} onChange={(e) => set({ preset: e.target.value as EditState["preset"], size: 100, posX: 50, posY: 50 })} className={cn(fieldClasses, "h-10 w-full")}>
                <option value="none">No crop</option>
                {CROP_PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
              {s.preset === "free" && (
                <>
                  <Range id="edit-crop-w" label="Width" value={s.freeWidth} min={5} max={100} unit="%" onChange={(v) => set({ freeWidth: v })} />
                  <Range id="edit-crop-h" label="Height" value={s.freeHeight} min={5} max={100} unit="%" onChange={(v) => set({ freeHeight: v })} />
                </>
              )}
              {s.preset !== "none" && s.preset !== "free" && <Range id="edit-crop-size" label="Crop size" value={s.size} min={10} max={100} unit="%" onChange={(v) => set({ size: v })} />}
              {s.preset !== "none" && (
                <>
                  <Range id="edit-crop-x" label="Horizontal position" value={s.posX} min={0} max={100} unit="%" onChange={(v) => set({ posX: v })} />
                  <Range id="edit-crop-y" label="Vertical position" value={s.posY} min={0} max={100} unit="%" onChange={(v) => set({ posY: v })} />
                </>
              )}
            </fieldset>
            <fieldset className="grid gap-3">
              <legend className="mb-1 flex items-center gap-1.5 text-sm font-semibold">
                <SlidersHorizontal className="size-4" aria-hidden="true" /> Adjust
              </legend>
              <Range id="edit-brightness" label="Brightness" value={s.brightness} min={-100} max={100} onChange={(v) => set({ brightness: v })} />
              <Range id="edit-contrast" label="Contrast" value={s.contrast} min={-100} max={100} onChange={(v) => set({ contrast: v })} />
              <Range id="edit-saturation" label="Saturation" value={s.saturation} min={-100} max={100} onChange={(v) => set({ saturation: v })} />
            </fieldset>
            <p className="text-sm text-foreground/80">
              Result: {size.width}×{size.height} px
            </p>
          </div>
        </div>
        {!online && (
          <p role="status" className="flex items-center gap-2 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm">
            <WifiOff className="size-4 shrink-0" aria-hidden="true" /> You're offline. Edits are made on the server, so saving waits until you're back online — your changes stay here.
          </p>
        )}
        <DialogFooter className="gap-2">
          <Button type="button" variant="ghost" onClick={() => setS(INITIAL_EDIT)} disabled={isUnchanged(s)}>
            Reset
          </Button>
          <Button type="button" onClick={submit} disabled={!online || isUnchanged(s) || save.isPending}>
            {save.isPending ? "Saving…" : "Save as new version"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The image page's Edit button (mounted next to the iteration tools). */
export function EditButton({ image }: { image: EditableImage }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Crop aria-hidden="true" /> Edit
      </Button>
      {open && <EditDialog image={image} open={open} onOpenChange={setOpen} />}
    </>
  );
}
