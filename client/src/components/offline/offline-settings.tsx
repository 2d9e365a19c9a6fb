import { HardDrive, Trash2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { formatNumber, i18n } from "@/i18n";
import { useLive, useSyncStatus } from "@/lib/use-offline";
import { cachedBytes, clearOfflineData, requestPersistence, type SavedGallery, savedGalleries, type StorageInfo, storageInfo, unsaveGallery } from "@/offline";

const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
const mb = (n: number | null) =>
  n === null
    ? "—"
    : n >= 1024 ** 3
      ? i18n.t("common:units.gb", { n: formatNumber(n / 1024 ** 3, oneDecimal) })
      : i18n.t("common:units.mb", { n: formatNumber(n / 1024 ** 2, oneDecimal) });

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
  const { t } = useTranslation("common");
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
      dropUnsent = window.confirm(t("offline.confirmUnsent", { count: pending }));
    }
    await clearOfflineData({ dropUnsent });
    toast.success(t("offline.cleared"), { description: dropUnsent || !pending ? undefined : t("offline.keptUnsent") });
    refresh();
  };

  const percent = info?.usage != null && info.quota ? Math.min(100, (info.usage / info.quota) * 100) : 0;
  return (
    <div className="grid max-w-3xl gap-6">
      <Block title={t("offline.storage.title")} description={t("offline.storage.description")}>
        <div className="flex items-center gap-3">
          <HardDrive className="size-5 text-muted-foreground" aria-hidden="true" />
          <span>
            <Trans
              t={t}
              i18nKey="offline.storage.used"
              values={{ used: mb(info?.usage ?? null), quota: mb(info?.quota ?? null) }}
              components={{ strong: <strong data-testid="storage-used" /> }}
            />
          </span>
        </div>
        <Progress value={percent} aria-label={t("offline.storage.usedLabel")} />
        {files && (
          <p className="text-muted-foreground">
            {t("offline.storage.files", { count: files.count, total: mb(files.total), pinned: mb(files.pinned) })}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="persistence">{info?.persisted ? t("offline.storage.persistent") : t("offline.storage.notPersistent")}</span>
          {info && !info.persisted && (
            <Button size="sm" variant="outline" onClick={() => void requestPersistence().then(refresh)}>
              {t("offline.storage.keep")}
            </Button>
          )}
        </div>
      </Block>
      <Block title={t("offline.saved.title")} description={t("offline.saved.description")}>
        {saved.length ? (
          <ul className="grid gap-2">
            {saved.map((g) => (
              <li key={g.key} className="flex items-center gap-3 rounded-lg border border-border p-2">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{g.name}</span>
                  <span className="block text-xs text-muted-foreground">
                    {t("offline.saved.meta", {
                      kind: g.kind === "project" ? t("offline.saved.project") : t("offline.saved.collection"),
                      count: g.imageIds.length,
                      size: mb(g.bytes),
                      status: t(`offline.saved.status.${g.status}`),
                    })}
                  </span>
                </span>
                <Button size="sm" variant="ghost" onClick={() => void unsaveGallery(g.key)}>
                  {t("offline.saved.remove")}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">{t("offline.saved.empty")}</p>
        )}
      </Block>
      <Block title={t("offline.clear.title")} description={t("offline.clear.description")}>
        <div>
          <Button variant="outline" onClick={() => void clear()}>
            <Trash2 aria-hidden="true" /> {t("offline.clear.title")}
          </Button>
        </div>
      </Block>
    </div>
  );
}
