import { CloudDownload, CloudOff, Loader2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatNumber, i18n } from "@/i18n";
import { useLive } from "@/lib/use-offline";
import { DISPLAY_MAX, db, galleryEstimate, saveGallery, type SavedGallery, savedKey, syncNow, unsaveGallery } from "@/offline";

const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
export const formatBytes = (n: number) =>
  n >= 1024 ** 3
    ? i18n.t("common:units.gb", { n: formatNumber(n / 1024 ** 3, oneDecimal) })
    : n >= 1024 ** 2
      ? i18n.t("common:units.mb", { n: formatNumber(n / 1024 ** 2, oneDecimal) })
      : i18n.t("common:units.kb", { n: formatNumber(Math.max(1, Math.round(n / 1024))) });

/**
 * "Make available offline" for a project or collection: shows what it will take on the device first, then keeps
 * thumbnails and 1280 px display copies (sharp in the lightbox), and the originals when asked, pinned.
 */
export function SaveOfflineButton({ kind, id, name }: { kind: SavedGallery["kind"]; id: string; name: string }) {
  const { t } = useTranslation("common");
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
      if (row.status === "ready") toast.success(t("saveOffline.saved", { name }), { description: t("saveOffline.savedDescription", { count: row.imageIds.length, size: formatBytes(row.bytes) }) });
      else toast.error(t("saveOffline.failed"), { description: row.error });
    } finally {
      setProgress(null);
    }
  };

  if (saved?.status === "ready" && !busy) {
    return (
      <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="true" onClick={() => void unsaveGallery(key).then(() => toast.success(t("saveOffline.removed")))}>
        <CloudOff aria-hidden="true" /> {t("saveOffline.available", { size: formatBytes(saved.bytes) })}
      </Button>
    );
  }
  if (busy) {
    return (
      <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="false" disabled>
        <Loader2 className="animate-spin motion-reduce:animate-none" aria-hidden="true" />
        {progress?.total ? t("saveOffline.savingProgress", { done: progress.done, total: progress.total }) : t("saveOffline.saving")}
      </Button>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" data-testid="save-offline" aria-pressed="false">
          <CloudDownload aria-hidden="true" /> {t("saveOffline.make")}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="grid w-80 gap-3 text-sm" aria-label={t("saveOffline.make")}>
        <p className="font-medium">{t("saveOffline.keepTitle", { name })}</p>
        <p className="text-muted-foreground" data-testid="offline-estimate">
          {estimate
            ? t("saveOffline.estimate", { count: estimate.images, max: DISPLAY_MAX, size: formatBytes(estimate.displayBytes) })
            : t("saveOffline.estimating")}
        </p>
        <label className="flex min-h-11 items-center gap-3">
          <Checkbox checked={originals} onCheckedChange={(v) => setOriginals(v === true)} />
          <span>
            {t("saveOffline.originals")}
            {estimate && <span className="block text-xs text-muted-foreground">{t("saveOffline.originalsSize", { size: formatBytes(estimate.originalBytes) })}</span>}
          </span>
        </label>
        <Button onClick={() => void save()} disabled={!estimate || estimate.images === 0}>
          <CloudDownload aria-hidden="true" /> {estimate ? t("saveOffline.saveAbout", { size: formatBytes(originals ? estimate.originalBytes : estimate.displayBytes) }) : t("saveOffline.save")}
        </Button>
      </PopoverContent>
    </Popover>
  );
}
