import {
  API_KEY_SCOPES,
  type ApiKey,
  type ApiKeyCreated,
  type ApiKeyScope,
} from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
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
import { fieldClasses, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate } from "@/i18n";
import { cn } from "@/lib/cn";
import { apiKeysQuery, createApiKey, developerKeys, revokeApiKey } from "../api";
import { ago, CreateWithSecretDialog, DevSection } from "./shared";

const EXPIRY = [
  { value: "never", label: "keys.expiry.never" },
  { value: "7", label: "keys.expiry.days7" },
  { value: "30", label: "keys.expiry.days30" },
  { value: "90", label: "keys.expiry.days90" },
  { value: "365", label: "keys.expiry.year" },
] as const;

function CreateKeyDialog({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation("developer");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["read", "generate"]);
  const [expiry, setExpiry] = useState<string>("90");
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const create = useMutation({
    mutationFn: () =>
      createApiKey({
        name,
        scopes,
        expiresAt: expiry === "never" ? null : new Date(Date.now() + Number(expiry) * 86400_000).toISOString(),
      }),
    onSuccess: (k) => {
      setCreated(k);
      void qc.invalidateQueries({ queryKey: developerKeys.keys });
    },
    onError: (e) => toast.error(e.message),
  });
  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setName("");
      setScopes(["read", "generate"]);
      setExpiry("90");
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && scopes.length) create.mutate();
  };
  const toggle = (s: ApiKeyScope, on: boolean) =>
    setScopes((cur) => (on ? [...new Set([...cur, s])] : cur.filter((x) => x !== s)));
  return (
    <CreateWithSecretDialog
      open={open}
      onOpenChange={reset}
      trigger={t("keys.create")}
      disabled={disabled}
      secret={
        created
          ? {
              title: t("keys.created.title"),
              description: t("keys.created.description"),
              label: t("keys.created.label"),
              copyLabel: t("keys.created.copy"),
              value: created.key,
              note: t("keys.created.note"),
            }
          : null
      }
    >
          <form onSubmit={submit} className="space-y-4">
            <DialogHeader>
              <DialogTitle>{t("keys.form.title")}</DialogTitle>
              <DialogDescription>{t("keys.form.description")}</DialogDescription>
            </DialogHeader>
            <div className="space-y-2">
              <Label htmlFor="key-name">{t("keys.form.name")}</Label>
              <Input
                id="key-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                maxLength={80}
                placeholder={t("keys.form.namePlaceholder")}
                autoFocus
              />
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("keys.form.scopes")}</legend>
              {API_KEY_SCOPES.map((s) => (
                <div key={s} className="flex items-start gap-2">
                  <Checkbox
                    id={`scope-${s}`}
                    checked={scopes.includes(s)}
                    onCheckedChange={(v) => toggle(s, v === true)}
                    className="mt-0.5"
                  />
                  <Label htmlFor={`scope-${s}`} className="font-normal leading-snug">
                    {t(`keys.scopes.${s}`)}
                  </Label>
                </div>
              ))}
              {!scopes.length && <p className="text-xs text-destructive-strong">{t("keys.form.noScope")}</p>}
            </fieldset>
            <div className="space-y-2">
              <Label htmlFor="key-expiry">{t("keys.form.expires")}</Label>
              <select
                id="key-expiry"
                value={expiry}
                onChange={(e) => setExpiry(e.target.value)}
                className={cn(fieldClasses, "h-9 pointer-coarse:h-11")}
              >
                {EXPIRY.map((o) => (
                  <option key={o.value} value={o.value}>
                    {t(o.label)}
                  </option>
                ))}
              </select>
            </div>
            <DialogFooter>
              <Button type="submit" loading={create.isPending} disabled={!name.trim() || !scopes.length}>
                {t("keys.create")}
              </Button>
            </DialogFooter>
          </form>
    </CreateWithSecretDialog>
  );
}

function KeyRow({
  k,
  onRevoke,
  busy,
  disabled,
}: {
  k: ApiKey;
  onRevoke: () => void;
  busy: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation("developer");
  const [now] = useState(Date.now);
  const [confirming, setConfirming] = useState(false);
  const expired = k.expiresAt !== null && Date.parse(k.expiresAt) <= now;
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <div className="grid size-10 shrink-0 place-items-center rounded-lg bg-muted text-muted-foreground">
        <KeyRound className="size-5" aria-hidden="true" />
      </div>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {k.name}
          <code className="font-mono text-xs text-muted-foreground">{k.prefix}…</code>
          {k.scopes.map((s) => (
            <Badge key={s} variant="primary" className="font-mono">
              {s}
            </Badge>
          ))}
          {expired && <Badge variant="destructive">{t("keys.expired")}</Badge>}
        </p>
        <p className="text-xs text-muted-foreground">
          {k.lastUsedAt
            ? k.lastUsedIp
              ? t("keys.lastUsedFrom", { when: ago(k.lastUsedAt), ip: k.lastUsedIp })
              : t("keys.lastUsed", { when: ago(k.lastUsedAt) })
            : t("keys.neverUsed")}{" "}
          {t("keys.createdOn", { date: formatDate(k.createdAt) })}
          {k.expiresAt && !expired ? t("keys.expiresOn", { date: formatDate(k.expiresAt) }) : ""}
        </p>
      </div>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="sm" loading={busy} disabled={disabled} aria-label={t("keys.revokeLabel", { name: k.name })}>
            <Trash2 aria-hidden="true" />
            <span className="hidden sm:inline">{t("keys.revoke")}</span>
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>{t("keys.confirm.title", { name: k.name })}</DialogTitle>
            <DialogDescription>{t("keys.confirm.description")}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirming(false)}>
              {t("keys.confirm.keep")}
            </Button>
            <Button
              variant="destructive"
              onClick={() => {
                setConfirming(false);
                onRevoke();
              }}
            >
              {t("keys.confirm.revoke")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </li>
  );
}

export function ApiKeysCard({ offline }: { offline: boolean }) {
  const { t } = useTranslation("developer");
  const qc = useQueryClient();
  const { data: keys, isPending, isError } = useQuery(apiKeysQuery);
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: developerKeys.keys });
      toast.success(t("keys.revoked"));
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <DevSection
      id="api-keys"
      title={t("keys.title")}
      description={t("keys.description")}
      action={<CreateKeyDialog disabled={offline} />}
    >
      {isPending ? (
        <div className="grid gap-3">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : isError && !keys ? (
        <p className="text-sm text-muted-foreground">{offline ? t("keys.loadFailedOffline") : t("keys.loadFailed")}</p>
      ) : keys?.length ? (
        <ul aria-label={t("keys.title")} className="divide-y divide-border">
          {keys.map((k) => (
            <KeyRow
              key={k.id}
              k={k}
              busy={revoke.isPending && revoke.variables === k.id}
              disabled={offline}
              onRevoke={() => revoke.mutate(k.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t("keys.empty")}</p>
      )}
    </DevSection>
  );
}
