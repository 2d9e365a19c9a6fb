import { type MeUser, SESSION_TIMEOUTS, type SessionInfo } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { HelpCircle, LogOut, Monitor, Smartphone, Tablet } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate, formatRelative } from "@/i18n";
import { setSessionUser, useSignOut } from "@/lib/session";
import { revokeAllSessions, revokeOtherSessions, revokeSession, sessionsQuery, updateProfile } from "../api/account";
import { Section } from "./section";

const DEVICE_ICONS = { desktop: Monitor, mobile: Smartphone, tablet: Tablet, unknown: HelpCircle } as const;
const TIMEOUT_LABELS = {
  never: "sessions.timeout.never",
  "30": "sessions.timeout.m30",
  "240": "sessions.timeout.h4",
  "1440": "sessions.timeout.d1",
  "10080": "sessions.timeout.d7",
} as const;
const timeoutKey = (minutes: number | null) =>
  (minutes === null ? "never" : String(minutes)) as keyof typeof TIMEOUT_LABELS;

/** "just now" under a minute, else "5 minutes ago", "yesterday"… */
function ago(t: TFunction<"account">, iso: string): string {
  return Date.now() - Date.parse(iso) < 60_000 ? t("sessions.justNow") : formatRelative(iso);
}

function SessionRow({ s, busy, onRevoke }: { s: SessionInfo; busy: boolean; onRevoke: () => void }) {
  const { t } = useTranslation("account");
  const Icon = DEVICE_ICONS[s.device];
  return (
    <li className="flex items-center gap-3 py-3">
      <div className="grid size-10 shrink-0 place-items-center rounded-lg bg-muted text-muted-foreground">
        <Icon className="size-5" aria-hidden="true" />
      </div>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {t("sessions.device", { browser: s.browser, os: s.os })}
          {s.current && <Badge variant="primary">{t("sessions.thisDevice")}</Badge>}
        </p>
        <p className="truncate text-xs text-muted-foreground">
          {s.ipAddress ?? t("sessions.unknownIp")} ·{" "}
          {s.current ? t("sessions.activeNow") : t("sessions.lastSeen", { when: ago(t, s.lastSeenAt) })} ·{" "}
          {t("sessions.signedIn", { date: formatDate(s.createdAt) })}
        </p>
      </div>
      {!s.current && (
        <Button
          variant="ghost"
          size="sm"
          loading={busy}
          onClick={onRevoke}
          aria-label={t("sessions.signOutDevice", { browser: s.browser, os: s.os })}
        >
          <LogOut aria-hidden="true" />
          <span className="hidden sm:inline">{t("sessions.signOut")}</span>
        </Button>
      )}
    </li>
  );
}

export function SessionsCard({ user }: { user: MeUser }) {
  const { t } = useTranslation("account");
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
      toast.error(err instanceof Error ? err.message : t("sessions.failed"));
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
      toast.success(t("sessions.timeoutSaved"));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("sessions.timeoutFailed"));
    }
  };

  return (
    <Section id="sessions" title={t("sessions.title")} description={t("sessions.description")}>
      {isPending ? (
        <div className="grid gap-3">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : (
        <ul aria-label={t("sessions.list")} className="divide-y divide-border">
          {(sessions ?? []).map((s) => (
            <SessionRow
              key={s.id}
              s={s}
              busy={busy === s.id}
              onRevoke={() => void run(s.id, () => revokeSession(s.id), t("sessions.deviceSignedOut"))}
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
          onClick={() => void run("others", revokeOtherSessions, t("sessions.othersSignedOut"))}
        >
          {t("sessions.signOutOthers")}
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
              toast.success(t("sessions.signedOutEverywhere"));
            } catch {
              /* signing out locally anyway */
            }
            await signOut();
          }}
        >
          {t("sessions.signOutEverywhere")}
        </Button>
        <div className="ml-auto flex items-center gap-2">
          <Label htmlFor="session-timeout" className="text-xs font-normal text-muted-foreground">
            {t("sessions.idle")}
          </Label>
          <Select value={timeoutKey(user.sessionTimeoutMinutes)} onValueChange={(v) => void setTimeoutPref(v)}>
            <SelectTrigger id="session-timeout" size="sm" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {SESSION_TIMEOUTS.map((m) => {
                const key = timeoutKey(m);
                return (
                  <SelectItem key={key} value={key}>
                    {t(TIMEOUT_LABELS[key])}
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
