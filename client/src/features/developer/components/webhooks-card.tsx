import {
  WEBHOOK_EVENTS,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  type WebhookEvent,
} from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Send, Trash2, Webhook } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { ApiError } from "@/lib/api";
import { createEndpoint, deleteEndpoint, developerKeys, endpointsQuery, sendTest, updateEndpoint } from "../api";
import { DeliveryLog } from "./delivery-log";
import { CreateWithSecretDialog, DevSection } from "./shared";

function EndpointDialog({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation("developer");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["job.completed", "job.failed"]);
  const [created, setCreated] = useState<WebhookEndpointCreated | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createEndpoint({ url: url.trim(), events }),
    onSuccess: (e) => {
      setCreated(e);
      void qc.invalidateQueries({ queryKey: developerKeys.endpoints });
    },
    onError: (e) => {
      const field = e instanceof ApiError ? e.fieldErrors().url : undefined;
      if (field) setUrlError(field);
      else toast.error(e.message);
    },
  });
  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setUrl("");
      setUrlError(null);
      setEvents(["job.completed", "job.failed"]);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setUrlError(null);
    if (url.trim() && events.length) create.mutate();
  };
  return (
    <CreateWithSecretDialog
      open={open}
      onOpenChange={reset}
      trigger={t("webhooks.add")}
      disabled={disabled}
      secret={
        created
          ? {
              title: t("webhooks.created.title"),
              description: t("webhooks.created.description"),
              label: t("webhooks.created.label"),
              copyLabel: t("webhooks.created.copy"),
              value: created.secret,
              note: t("webhooks.created.note"),
            }
          : null
      }
    >
          <form onSubmit={submit} className="space-y-4">
            <DialogHeader>
              <DialogTitle>{t("webhooks.form.title")}</DialogTitle>
              <DialogDescription>{t("webhooks.form.description")}</DialogDescription>
            </DialogHeader>
            <div className="space-y-2">
              <Label htmlFor="endpoint-url">{t("webhooks.form.url")}</Label>
              <Input
                id="endpoint-url"
                type="url"
                inputMode="url"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                required
                placeholder={t("webhooks.form.urlPlaceholder")}
                aria-invalid={urlError ? true : undefined}
                aria-describedby={urlError ? "endpoint-url-error" : undefined}
                autoFocus
              />
              {urlError && (
                <p id="endpoint-url-error" className="text-xs text-destructive-strong">
                  {urlError}
                </p>
              )}
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("webhooks.form.events")}</legend>
              {WEBHOOK_EVENTS.map((ev) => (
                <div key={ev} className="flex items-start gap-2">
                  <Checkbox
                    id={`event-${ev}`}
                    checked={events.includes(ev)}
                    onCheckedChange={(v) =>
                      setEvents((cur) => (v === true ? [...new Set([...cur, ev])] : cur.filter((x) => x !== ev)))
                    }
                    className="mt-0.5"
                  />
                  <Label htmlFor={`event-${ev}`} className="font-normal leading-snug">
                    <code className="font-mono text-xs">{ev}</code> — {t(`webhooks.events.${ev}`)}
                  </Label>
                </div>
              ))}
            </fieldset>
            <DialogFooter>
              <Button type="submit" loading={create.isPending} disabled={!url.trim() || !events.length}>
                {t("webhooks.add")}
              </Button>
            </DialogFooter>
          </form>
    </CreateWithSecretDialog>
  );
}

function EndpointItem({ e, offline }: { e: WebhookEndpoint; offline: boolean }) {
  const { t } = useTranslation("developer");
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: developerKeys.endpoints });
    void qc.invalidateQueries({ queryKey: developerKeys.deliveries(e.id) });
  };
  const test = useMutation({
    mutationFn: () => sendTest(e.id),
    onSuccess: (d) => {
      refresh();
      if (d.status === "succeeded") toast.success(t("webhooks.testDelivered", { status: d.responseStatus }));
      else toast.error(t("webhooks.testNotDelivered", { reason: d.error ?? d.responseStatus }));
    },
    onError: (err) => toast.error(err.message),
  });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => updateEndpoint(e.id, { enabled }),
    onSuccess: refresh,
    onError: (err) => toast.error(err.message),
  });
  const remove = useMutation({
    mutationFn: () => deleteEndpoint(e.id),
    onSuccess: () => {
      refresh();
      toast.success(t("webhooks.deleted"));
    },
    onError: (err) => toast.error(err.message),
  });
  return (
    <li className="grid gap-3 py-4">
      <div className="flex flex-wrap items-center gap-3">
        <div className="grid size-10 shrink-0 place-items-center rounded-lg bg-muted text-muted-foreground">
          <Webhook className="size-5" aria-hidden="true" />
        </div>
        <div className="min-w-0 flex-1">
          <p className="break-all font-mono text-sm">{e.url}</p>
          <p className="mt-1 flex flex-wrap gap-1">
            {e.events.map((ev) => (
              <Badge key={ev} variant="primary" className="font-mono">
                {ev}
              </Badge>
            ))}
            {!e.enabled && <Badge variant="secondary">{t("webhooks.paused")}</Badge>}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Switch
            checked={e.enabled}
            disabled={offline}
            onCheckedChange={(v) => toggle.mutate(v)}
            aria-label={t("webhooks.enabledLabel", { url: e.url })}
          />
          <Button
            variant="outline"
            size="sm"
            loading={test.isPending}
            disabled={offline}
            onClick={() => test.mutate()}
            aria-label={t("webhooks.testLabel", { url: e.url })}
          >
            <Send aria-hidden="true" />
            <span className="hidden sm:inline">{t("webhooks.test")}</span>
          </Button>
          <Button
            variant="ghost"
            size="sm"
            loading={remove.isPending}
            disabled={offline}
            onClick={() => remove.mutate()}
            aria-label={t("webhooks.deleteLabel", { url: e.url })}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      </div>
      <DeliveryLog endpoint={e} offline={offline} />
    </li>
  );
}

export function WebhooksCard({ offline }: { offline: boolean }) {
  const { t } = useTranslation("developer");
  const { data, isPending, isError } = useQuery(endpointsQuery);
  return (
    <DevSection
      id="webhooks"
      title={t("webhooks.title")}
      description={t("webhooks.description")}
      action={<EndpointDialog disabled={offline} />}
    >
      {isPending ? (
        <Skeleton className="h-16" />
      ) : isError && !data ? (
        <p className="text-sm text-muted-foreground">
          {offline ? t("webhooks.loadFailedOffline") : t("webhooks.loadFailed")}
        </p>
      ) : data?.length ? (
        <ul aria-label={t("webhooks.listLabel")} className="divide-y divide-border">
          {data.map((e) => (
            <EndpointItem key={e.id} e={e} offline={offline} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t("webhooks.empty")}</p>
      )}
    </DevSection>
  );
}
