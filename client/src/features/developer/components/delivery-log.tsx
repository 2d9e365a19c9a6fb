import type { WebhookDelivery, WebhookEndpoint } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/i18n";
import { deliveriesQuery, developerKeys, redeliver } from "../api";
import { ago } from "./shared";

const STATUS_VARIANT = { succeeded: "success", pending: "warning", failed: "destructive" } as const;

function Row({ d, endpointId, offline }: { d: WebhookDelivery; endpointId: string; offline: boolean }) {
  const { t } = useTranslation("developer");
  const qc = useQueryClient();
  const again = useMutation({
    mutationFn: () => redeliver(endpointId, d.id),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: developerKeys.deliveries(endpointId) });
      if (r.status === "succeeded") toast.success(t("deliveries.delivered"));
      else toast.error(t("deliveries.notDelivered", { reason: r.error ?? r.responseStatus }));
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <tr className="border-t border-border align-middle">
      <td className="py-1.5 pr-2 font-mono text-xs">{d.event}</td>
      <td className="py-1.5 pr-2">
        <Badge variant={STATUS_VARIANT[d.status]}>{t(`deliveries.status.${d.status}`)}</Badge>
      </td>
      <td className="py-1.5 pr-2 font-mono text-xs">{d.responseStatus ?? "—"}</td>
      <td className="hidden py-1.5 pr-2 font-mono text-xs sm:table-cell">
        {d.durationMs !== null ? t("deliveries.ms", { ms: formatNumber(d.durationMs) }) : "—"}
      </td>
      <td className="hidden py-1.5 pr-2 text-xs text-muted-foreground md:table-cell" title={d.error ?? undefined}>
        {t("deliveries.when", { when: d.lastAttemptAt ? ago(d.lastAttemptAt) : t("deliveries.queued"), count: d.attempts })}
      </td>
      <td className="py-1.5 text-right">
        <Button
          variant="ghost"
          size="sm"
          loading={again.isPending}
          disabled={offline}
          onClick={() => again.mutate()}
          aria-label={t("deliveries.redeliverLabel", { event: d.event, id: d.id.slice(0, 8) })}
        >
          <RotateCw aria-hidden="true" />
          <span className="hidden sm:inline">{t("deliveries.redeliver")}</span>
        </Button>
      </td>
    </tr>
  );
}

/** The last deliveries of one endpoint: status, response code, duration; redeliver any of them. */
export function DeliveryLog({ endpoint, offline }: { endpoint: WebhookEndpoint; offline: boolean }) {
  const { t } = useTranslation("developer");
  const { data } = useQuery(deliveriesQuery(endpoint.id));
  if (!data?.length) return <p className="text-xs text-muted-foreground">{t("deliveries.empty")}</p>;
  return (
    <details className="rounded-xl border border-border px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">{t("deliveries.recent", { count: data.length })}</summary>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{t("deliveries.caption", { url: endpoint.url })}</caption>
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("deliveries.columns.event")}
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("deliveries.columns.status")}
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("deliveries.columns.code")}
              </th>
              <th scope="col" className="hidden py-1 pr-2 font-medium sm:table-cell">
                {t("deliveries.columns.duration")}
              </th>
              <th scope="col" className="hidden py-1 pr-2 font-medium md:table-cell">
                {t("deliveries.columns.when")}
              </th>
              <th scope="col" className="py-1 font-medium">
                <span className="sr-only">{t("deliveries.columns.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <Row key={d.id} d={d} endpointId={endpoint.id} offline={offline} />
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
