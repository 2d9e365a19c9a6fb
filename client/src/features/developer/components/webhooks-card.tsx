import {
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  type WebhookEvent,
} from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Send, Trash2, Webhook } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { ApiError } from "@/lib/api";
import { createEndpoint, deleteEndpoint, developerKeys, endpointsQuery, sendTest, updateEndpoint } from "../api";
import { DeliveryLog } from "./delivery-log";
import { DevSection, SecretBox } from "./shared";

function EndpointDialog({ disabled }: { disabled: boolean }) {
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
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button size="sm" disabled={disabled}>
          <Plus aria-hidden="true" /> Add endpoint
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {created ? (
          <div className="space-y-4">
            <DialogHeader>
              <DialogTitle>Endpoint added</DialogTitle>
              <DialogDescription>Copy the signing secret now: it is shown only this once.</DialogDescription>
            </DialogHeader>
            <SecretBox
              label="Signing secret"
              value={created.secret}
              note="Check each delivery's Image-Studio-Signature header: t=<unix>,v1=HMAC-SHA256(secret, '<t>.<body>') in hex."
            />
            <DialogFooter>
              <Button onClick={() => reset(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4">
            <DialogHeader>
              <DialogTitle>Add a webhook endpoint</DialogTitle>
              <DialogDescription>
                We POST signed JSON to this address when the events you choose happen.
              </DialogDescription>
            </DialogHeader>
            <div className="space-y-2">
              <Label htmlFor="endpoint-url">URL</Label>
              <Input
                id="endpoint-url"
                type="url"
                inputMode="url"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                required
                placeholder="https://example.com/hooks/image-studio"
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
              <legend className="text-sm font-medium">Events</legend>
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
                    <code className="font-mono text-xs">{ev}</code> — {WEBHOOK_EVENT_LABELS[ev]}
                  </Label>
                </div>
              ))}
            </fieldset>
            <DialogFooter>
              <Button type="submit" loading={create.isPending} disabled={!url.trim() || !events.length}>
                Add endpoint
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function EndpointItem({ e, offline }: { e: WebhookEndpoint; offline: boolean }) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: developerKeys.endpoints });
    void qc.invalidateQueries({ queryKey: developerKeys.deliveries(e.id) });
  };
  const test = useMutation({
    mutationFn: () => sendTest(e.id),
    onSuccess: (d) => {
      refresh();
      if (d.status === "succeeded") toast.success(`Test delivered: ${d.responseStatus}`);
      else toast.error(`Test not delivered: ${d.error ?? d.responseStatus}`);
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
      toast.success("Endpoint deleted");
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
            {!e.enabled && <Badge variant="secondary">Paused</Badge>}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Switch
            checked={e.enabled}
            disabled={offline}
            onCheckedChange={(v) => toggle.mutate(v)}
            aria-label={`Send deliveries to ${e.url}`}
          />
          <Button
            variant="outline"
            size="sm"
            loading={test.isPending}
            disabled={offline}
            onClick={() => test.mutate()}
            aria-label={`Send a test to ${e.url}`}
          >
            <Send aria-hidden="true" />
            <span className="hidden sm:inline">Send test</span>
          </Button>
          <Button
            variant="ghost"
            size="sm"
            loading={remove.isPending}
            disabled={offline}
            onClick={() => remove.mutate()}
            aria-label={`Delete endpoint ${e.url}`}
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
  const { data, isPending, isError } = useQuery(endpointsQuery);
  return (
    <DevSection
      id="webhooks"
      title="Webhooks"
      description="Signed POSTs to your server when jobs finish or fail, batches complete or you share an image. Failed deliveries are retried for 24 hours."
      action={<EndpointDialog disabled={offline} />}
    >
      {isPending ? (
        <Skeleton className="h-16" />
      ) : isError && !data ? (
        <p className="text-sm text-muted-foreground">
          Your endpoints couldn't be loaded{offline ? " while offline" : ""}.
        </p>
      ) : data?.length ? (
        <ul aria-label="Webhook endpoints" className="divide-y divide-border">
          {data.map((e) => (
            <EndpointItem key={e.id} e={e} offline={offline} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No endpoints yet.</p>
      )}
    </DevSection>
  );
}
