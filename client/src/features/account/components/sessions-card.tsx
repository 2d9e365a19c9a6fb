import { type MeUser, SESSION_TIMEOUTS, type SessionInfo } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { HelpCircle, LogOut, Monitor, Smartphone, Tablet } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { setSessionUser, useSignOut } from "@/lib/session";
import { revokeAllSessions, revokeOtherSessions, revokeSession, sessionsQuery, updateProfile } from "../api/account";
import { Section } from "./section";

const DEVICE_ICONS = { desktop: Monitor, mobile: Smartphone, tablet: Tablet, unknown: HelpCircle } as const;
const TIMEOUT_LABELS: Record<string, string> = {
  never: "Never (30 days)",
  "30": "After 30 minutes",
  "240": "After 4 hours",
  "1440": "After 1 day",
  "10080": "After 7 days",
};

function ago(iso: string): string {
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  if (s < 60) return "just now";
  if (s < 3600) return rtf.format(-Math.round(s / 60), "minute");
  if (s < 86400) return rtf.format(-Math.round(s / 3600), "hour");
  return rtf.format(-Math.round(s / 86400), "day");
}

function SessionRow({ s, busy, onRevoke }: { s: SessionInfo; busy: boolean; onRevoke: () => void }) {
  const Icon = DEVICE_ICONS[s.device];
  return (
    <li className="flex items-center gap-3 py-3">
      <div className="grid size-10 shrink-0 place-items-center rounded-lg bg-muted text-muted-foreground">
        <Icon className="size-5" aria-hidden="true" />
      </div>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {s.browser} on {s.os}
          {s.current && <Badge variant="primary">This device</Badge>}
        </p>
        <p className="truncate text-xs text-muted-foreground">
          {s.ipAddress ?? "Unknown IP"} · {s.current ? "Active now" : `Last seen ${ago(s.lastSeenAt)}`} · Signed in{" "}
          {new Date(s.createdAt).toLocaleDateString()}
        </p>
      </div>
      {!s.current && (
        <Button
          variant="ghost"
          size="sm"
          loading={busy}
          onClick={onRevoke}
          aria-label={`Sign out ${s.browser} on ${s.os}`}
        >
          <LogOut aria-hidden="true" />
          <span className="hidden sm:inline">Sign out</span>
        </Button>
      )}
    </li>
  );
}

export function SessionsCard({ user }: { user: MeUser }) {
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const { data: sessions, isPending } = useQuery(sessionsQuery);
  const [busy, setBusy] = useState<string | null>(null);
  const others = (sessions ?? []).filter((s) => !s.current).length;

  const run = async (key: string, action: () => Promise<unknown>, success: string) => {
    setBusy(key);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
      toast.success(success);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "That didn't work");
    } finally {
      setBusy(null);
    }
  };

  const setTimeoutPref = async (value: string) => {
    try {
      const { user: updated } = await updateProfile({
        sessionTimeoutMinutes: value === "never" ? null : Number(value),
      });
      setSessionUser(queryClient, updated);
      toast.success("Session timeout saved");
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Couldn't save the timeout");
    }
  };

  return (
    <Section id="sessions" title="Where you're signed in" description="Sign out devices you don't recognise.">
      {isPending ? (
        <div className="grid gap-3">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : (
        <ul aria-label="Signed-in devices" className="divide-y divide-border">
          {(sessions ?? []).map((s) => (
            <SessionRow
              key={s.id}
              s={s}
              busy={busy === s.id}
              onRevoke={() => void run(s.id, () => revokeSession(s.id), "Device signed out")}
            />
          ))}
        </ul>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-border pt-4">
        <Button
          variant="outline"
          size="sm"
          disabled={!others}
          loading={busy === "others"}
          onClick={() => void run("others", revokeOtherSessions, "Other devices signed out")}
        >
          Sign out other devices
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="text-destructive-strong"
          loading={busy === "all"}
          onClick={async () => {
            setBusy("all");
            try {
              await revokeAllSessions();
              toast.success("Signed out everywhere");
            } catch {
              /* signing out locally anyway */
            }
            await signOut();
          }}
        >
          Sign out everywhere
        </Button>
        <div className="ml-auto flex items-center gap-2">
          <Label htmlFor="session-timeout" className="text-xs font-normal text-muted-foreground">
            Sign out when idle
          </Label>
          <Select
            value={user.sessionTimeoutMinutes === null ? "never" : String(user.sessionTimeoutMinutes)}
            onValueChange={(v) => void setTimeoutPref(v)}
          >
            <SelectTrigger id="session-timeout" size="sm" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {SESSION_TIMEOUTS.map((t) => {
                const key = t === null ? "never" : String(t);
                return (
                  <SelectItem key={key} value={key}>
                    {TIMEOUT_LABELS[key]}
                  </SelectItem>
                );
              })}
            </SelectContent>
          </Select>
        </div>
      </div>
    </Section>
  );
}
