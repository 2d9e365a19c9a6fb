import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { Cloud } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/i18n";
import { storageUsageQuery } from "../api/account";
import { Section } from "./section";

const one = { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false } as const;
const size = (t: TFunction<"account">, n: number) =>
  n >= 1024 ** 3
    ? t("storage.gb", { n: formatNumber(n / 1024 ** 3, one) })
    : n >= 1024 ** 2
      ? t("storage.mb", { n: formatNumber(n / 1024 ** 2, one) })
      : t("storage.kb", { n: formatNumber(Math.ceil(n / 1024), { useGrouping: false }) });

/** Settings → Offline & storage: what your account stores on the server, against its quota. */
export function ServerStorageCard() {
  const { t } = useTranslation("account");
  const { data, isError } = useQuery(storageUsageQuery);
  const percent = data?.quota ? Math.min(100, (data.used / data.quota) * 100) : 0;
  return (
    <Section id="server-storage" title={t("storage.title")} description={t("storage.description")}>
      {isError ? (
        <p className="text-sm text-muted-foreground">{t("storage.unavailable")}</p>
      ) : !data ? (
        <Skeleton className="h-16 rounded-lg" />
      ) : (
        <div className="grid gap-3 text-sm">
          <div className="flex items-center gap-3">
            <Cloud className="size-5 text-muted-foreground" aria-hidden="true" />
            <span data-testid="server-storage-used">
              {data.quota === null ? (
                <Trans
                  t={t}
                  i18nKey="storage.usedNoLimit"
                  values={{ used: size(t, data.used) }}
                  components={{ strong: <strong /> }}
                />
              ) : (
                <Trans
                  t={t}
                  i18nKey="storage.usedOf"
                  values={{ used: size(t, data.used), quota: size(t, data.quota) }}
                  components={{ strong: <strong /> }}
                />
              )}
            </span>
          </div>
          {data.quota !== null && <Progress value={percent} aria-label={t("storage.progress")} />}
          <ul className="grid gap-1 text-muted-foreground">
            <li>{t("storage.images", { size: size(t, data.total.bytes), n: formatNumber(data.total.count) })}</li>
            <li>{t("storage.trash", { size: size(t, data.trash.bytes), n: formatNumber(data.trash.count) })}</li>
            <li>{t("storage.uploads", { size: size(t, data.uploads.bytes), n: formatNumber(data.uploads.count) })}</li>
          </ul>
          {data.quota !== null && percent >= 90 && (
            <p role="status" className="font-medium text-warning-strong">
              {percent >= 100 ? t("storage.full") : t("storage.almostFull")}
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
