import { CloudDownload, CloudOff, Loader2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useLive } from "@/lib/use-offline";
import { db, saveGallery, type SavedGallery, savedKey, syncNow, unsaveGallery } from "@/offline";

/** "Make available offline" for a project or collection: downloads its thumbnails and originals, pinned. */
export function SaveOfflineButton({ kind, id, name }: { kind: SavedGallery["kind"]; id: string; name: string }) {
  const key = savedKey(kind, id);
  const saved = useLive(() => db().saved.get(key), [key], undefined as SavedGallery | undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const busy = progress !== null || saved?.status === "downloading";

  const save = async () => {
    setProgress({ done: 0, total: 0 });
    try {
      await syncNow(); // the freshest membership before downloading
      const row = await saveGallery(kind, id, name, (done, total) => setProgress({ done, total }));
      if (row.status === "ready") toast.success(`“${name}” is available offline`, { description: `${row.imageIds.length} images saved on this device.` });
      else toast.error("Couldn't save everything for offline use", { description: row.error });
    } finally {
      setProgress(null);
    }
  };

  if (saved?.status === "ready" && !busy) {
    return (
      <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="true" onClick={() => void unsaveGallery(key).then(() => toast.success("Removed from this device"))}>
        <CloudOff aria-hidden="true" /> Available offline · Remove
      </Button>
    );
  }
  return (
    <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="false" disabled={busy} onClick={() => void save()}>
      {busy ? <Loader2 className="animate-spin motion-reduce:animate-none" aria-hidden="true" /> : <CloudDownload aria-hidden="true" />}
      {busy ? `Saving${progress?.total ? ` ${progress.done}/${progress.total}` : "…"}` : "Make available offline"}
    </Button>
  );
}
