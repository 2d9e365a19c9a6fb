import { Check, Copy, Plus } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatRelative, i18n } from "@/i18n";

/** One settings card of this tab: a titled region with its controls. */
export function DevSection({
  id,
  title,
  description,
  action,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} role="region" aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
        {action && <CardAction>{action}</CardAction>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** A secret shown once, in monospace, with a copy button. `copyLabel` names the button ("Copy API key"). */
export function SecretBox({ label, copyLabel, value, note }: { label: string; copyLabel: string; value: string; note: string }) {
  const { t } = useTranslation("developer");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(t("secret.copied"));
    } catch {
      toast.error(t("secret.copyFailed"));
    }
  };
  return (
    <div className="grid gap-2 rounded-xl border border-primary/40 bg-primary/5 p-3">
      <p className="text-sm font-medium">{label}</p>
      <div className="flex items-center gap-2">
        <code
          data-testid="secret-value"
          className="min-w-0 flex-1 break-all rounded-lg bg-background px-2 py-1.5 font-mono text-xs"
        >
          {value}
        </code>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => void copy()}
          aria-label={copyLabel}
        >
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          <span className="hidden sm:inline">{copied ? t("secret.copied") : t("secret.copy")}</span>
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{note}</p>
    </div>
  );
}

/** "3 minutes ago", in the app's language. */
export function ago(iso: string): string {
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return i18n.t("developer:time.justNow");
  return formatRelative(iso);
}

/** Whether the browser says it is offline (these settings need the server). */
export function useOffline(): boolean {
  const [offline, setOffline] = useState(typeof navigator !== "undefined" && navigator.onLine === false);
  useEffect(() => {
    const on = () => setOffline(false);
    const off = () => setOffline(true);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return offline;
}

export interface CreatedSecret {
  title: string;
  description: string;
  label: string;
  copyLabel: string;
  value: string;
  note: string;
}

/** A "create" dialog whose result holds a secret shown once (an API key, a signing secret): the form, then the secret. */
export function CreateWithSecretDialog({
  open,
  onOpenChange,
  trigger,
  disabled,
  secret,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: string;
  disabled: boolean;
  /** The created secret and its texts; null while the form shows. */
  secret: CreatedSecret | null;
  /** The form. */
  children: ReactNode;
}) {
  const { t } = useTranslation("developer");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" disabled={disabled}>
          <Plus aria-hidden="true" /> {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {secret ? (
          <div className="space-y-4">
            <DialogHeader>
              <DialogTitle>{secret.title}</DialogTitle>
              <DialogDescription>{secret.description}</DialogDescription>
            </DialogHeader>
            <SecretBox label={secret.label} copyLabel={secret.copyLabel} value={secret.value} note={secret.note} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t("done")}</Button>
            </DialogFooter>
          </div>
        ) : (
          children
        )}
      </DialogContent>
    </Dialog>
  );
}
