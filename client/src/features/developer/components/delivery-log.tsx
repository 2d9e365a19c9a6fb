import type { WebhookDelivery, WebhookEndpoint } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { deliveriesQuery, developerKeys, redeliver } from "../api";
import { ago } from "./shared";

const STATUS_VARIANT = { succeeded: "success", pending: "warning", failed: "destructive" } as const;

function Row({ d, endpointId, offline }: { d: WebhookDelivery; endpointId: string; offline: boolean }) {
  const qc = useQueryClient();
  const again = useMutation({
    mutationFn: () => redeliver(endpointId, d.id),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: developerKeys.deliveries(endpointId) });
      if (r.status === "succeeded") toast.success("Delivered");
      else toast.error(`Not delivered: ${r.error ?? r.responseStatus}`);
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <tr className="border-t border-border align-middle">
      <td className="py-1.5 pr-2 font-mono text-xs">{d.event}</td>
      <td className="py-1.5 pr-2">
        <Badge variant={STATUS_VARIANT[d.status]}>{d.status}</Badge>
      </td>
      <td className="py-1.5 pr-2 font-mono text-xs">{d.responseStatus ?? "—"}</td>
      <td className="hidden py-1.5 pr-2 font-mono text-xs sm:table-cell">
        {d.durationMs !== null ? `${d.durationMs} ms` : "—"}
      </td>
      <td className="hidden py-1.5 pr-2 text-xs text-muted-foreground md:table-cell" title={d.error ?? undefined}>
        {d.lastAttemptAt ? ago(d.lastAttemptAt) : "queued"} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
      </td>
      <td className="py-1.5 text-right">
        <Button
          variant="ghost"
          size="sm"
          loading={again.isPending}
          disabled={offline}
          onClick={() => again.mutate()}
          aria-label={`Redeliver ${d.event} ${d.id.slice(0, 8)}`}
        >
          <RotateCw aria-hidden="true" />
          <span className="hidden sm:inline">Redeliver</span>
        </Button>
      </td>
    </tr>
  );
}

/** The last deliveries of one endpoint: status, response code, duration; redeliver any of them. */
export function DeliveryLog({ endpoint, offline }: { endpoint: WebhookEndpoint; offline: boolean }) {
  const { data } = useQuery(deliveriesQuery(endpoint.id));
  if (!data?.length)
    return <p className="text-xs text-muted-foreground">No deliveries yet. Use “Send test” to try the endpoint.</p>;
  return (
    <details className="rounded-xl border border-border px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">Recent deliveries ({data.length})</summary>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Deliveries to {endpoint.url}</caption>
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">
                Event
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Status
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Code
              </th>
              <th scope="col" className="hidden py-1 pr-2 font-medium sm:table-cell">
                Duration
              </th>
              <th scope="col" className="hidden py-1 pr-2 font-medium md:table-cell">
                When
              </th>
              <th scope="col" className="py-1 font-medium">
                <span className="sr-only">Actions</span>
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
