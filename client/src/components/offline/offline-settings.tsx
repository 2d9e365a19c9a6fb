import { HardDrive, Trash2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { useLive, useSyncStatus } from "@/lib/use-offline";
import { cachedBytes, clearOfflineData, requestPersistence, type SavedGallery, savedGalleries, type StorageInfo, storageInfo, unsaveGallery } from "@/offline";

const mb = (n: number | null) => (n === null ? "—" : n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

function Block({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card role="region" aria-label={title}>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base font-semibold">{title}</h2>
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">{children}</CardContent>
    </Card>
  );
}

/** Settings → Offline & storage: space used, persistence, saved galleries and clearing the device's copy. */
export function OfflineSettings() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [files, setFiles] = useState<{ total: number; pinned: number; count: number } | null>(null);
  const saved = useLive(savedGalleries, [], [] as SavedGallery[]);
  const { pending } = useSyncStatus();
  const refresh = useCallback(() => {
    void storageInfo().then(setInfo);
    void cachedBytes().then(setFiles);
  }, []);
  useEffect(refresh, [refresh, saved]);

  const clear = async () => {
    let dropUnsent = false;
    if (pending > 0) {
      dropUnsent = window.confirm(`${pending} change(s) haven't been sent yet. Delete them too? Press Cancel to keep them and clear everything else.`);
    }
    await clearOfflineData({ dropUnsent });
    toast.success("Offline data cleared", { description: dropUnsent || !pending ? undefined : "Unsent changes were kept and will sync." });
    refresh();
  };

  const percent = info?.usage != null && info.quota ? Math.min(100, (info.usage / info.quota) * 100) : 0;
  return (
    <div className="grid max-w-3xl gap-6">
      <Block title="Storage on this device" description="Images you saved for offline use, recent images and favourites are kept in this browser.">
        <div className="flex items-center gap-3">
          <HardDrive className="size-5 text-muted-foreground" aria-hidden="true" />
          <span>
            <strong data-testid="storage-used">{mb(info?.usage ?? null)}</strong> used of {mb(info?.quota ?? null)} available
          </span>
        </div>
        <Progress value={percent} aria-label="Storage used" />
        {files && (
          <p className="text-muted-foreground">
            {files.count} image files cached ({mb(files.total)}), {mb(files.pinned)} of them in saved galleries.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="persistence">{info?.persisted ? "Storage is persistent: the browser won't clear it on its own." : "Storage may be cleared by the browser when space runs low."}</span>
          {info && !info.persisted && (
            <Button size="sm" variant="outline" onClick={() => void requestPersistence().then(refresh)}>
              Keep my data
            </Button>
          )}
        </div>
      </Block>
      <Block title="Saved galleries" description="Projects and collections you made available offline (from their pages).">
        {saved.length ? (
          <ul className="grid gap-2">
            {saved.map((g) => (
              <li key={g.key} className="flex items-center gap-3 rounded-lg border border-border p-2">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{g.name}</span>
                  <span className="block text-xs text-muted-foreground">
                    {g.kind === "project" ? "Project" : "Collection"} · {g.imageIds.length} images · {mb(g.bytes)} · {g.status}
                  </span>
                </span>
                <Button size="sm" variant="ghost" onClick={() => void unsaveGallery(g.key)}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">Nothing saved yet. Use “Make available offline” on a project or collection.</p>
        )}
      </Block>
      <Block title="Clear offline data" description="Removes the library copy and cached images from this browser. Changes not yet sent are kept unless you choose otherwise.">
        <div>
          <Button variant="outline" onClick={() => void clear()}>
            <Trash2 aria-hidden="true" /> Clear offline data
          </Button>
        </div>
      </Block>
    </div>
  );
}
