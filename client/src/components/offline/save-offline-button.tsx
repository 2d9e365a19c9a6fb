import { CloudDownload, CloudOff, Loader2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useLive } from "@/lib/use-offline";
import { DISPLAY_MAX, db, galleryEstimate, saveGallery, type SavedGallery, savedKey, syncNow, unsaveGallery } from "@/offline";

export const formatBytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * "Make available offline" for a project or collection: shows what it will take on the device first, then keeps
 * thumbnails and 1280 px display copies (sharp in the lightbox), and the originals when asked, pinned.
 */
export function SaveOfflineButton({ kind, id, name }: { kind: SavedGallery["kind"]; id: string; name: string }) {
  const key = savedKey(kind, id);
  const saved = useLive(() => db().saved.get(key), [key], undefined as SavedGallery | undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [originals, setOriginals] = useState(false);
  const estimate = useLive(() => galleryEstimate(kind, id), [kind, id, open], null as Awaited<ReturnType<typeof galleryEstimate>> | null);
  const busy = progress !== null || saved?.status === "downloading";

  const save = async () => {
    setOpen(false);
    setProgress({ done: 0, total: 0 });
    try {
      await syncNow(); // the freshest membership before downloading
      const row = await saveGallery(kind, id, name, { originals, onProgress: (done, total) => setProgress({ done, total }) });
      if (row.status === "ready") toast.success(`“${name}” is available offline`, { description: `${row.imageIds.length} images, ${formatBytes(row.bytes)} on this device.` });
      else toast.error("Couldn't save everything for offline use", { description: row.error });
    } finally {
      setProgress(null);
    }
  };

  if (saved?.status === "ready" && !busy) {
    return (
      <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="true" onClick={() => void unsaveGallery(key).then(() => toast.success("Removed from this device"))}>
        <CloudOff aria-hidden="true" /> Available offline ({formatBytes(saved.bytes)}) · Remove
      </Button>
    );
  }
  if (busy) {
    return (
      <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="false" disabled>
        <Loader2 className="animate-spin motion-reduce:animate-none" aria-hidden="true" />
        {`Saving${progress?.total ? ` ${progress.done}/${progress.total}` : "…"}`}
      </Button>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="false">
          <CloudDownload aria-hidden="true" /> Make available offline
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="grid w-80 gap-3 text-sm" aria-label="Make available offline">
        <p className="font-medium">Keep “{name}” on this device</p>
        <p className="text-muted-foreground" data-testid="offline-estimate">
          {estimate
            ? `${estimate.images} images at display size (up to ${DISPLAY_MAX} px): about ${formatBytes(estimate.displayBytes)}.`
            : "Working out the size…"}
        </p>
        <label className="flex min-h-11 items-center gap-3">
          <Checkbox checked={originals} onCheckedChange={(v) => setOriginals(v === true)} />
          <span>
            Keep the originals too
            {estimate && <span className="block text-xs text-muted-foreground">about {formatBytes(estimate.originalBytes)} in all</span>}
          </span>
        </label>
        <Button onClick={() => void save()} disabled={!estimate || estimate.images === 0}>
          <CloudDownload aria-hidden="true" /> Save {estimate ? `about ${formatBytes(originals ? estimate.originalBytes : estimate.displayBytes)}` : ""}
        </Button>
      </PopoverContent>
    </Popover>
  );
}
