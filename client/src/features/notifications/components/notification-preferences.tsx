import { NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind, type NotificationPreferencesView } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { notificationKeys, preferencesOptions, savePreferences } from "../api/notifications";
import { KIND_LABEL_KEYS } from "../lib/format";
import { askBrowserPermission, browserPermission, type BrowserPermission } from "../lib/browser-notifications";

const CHANNELS = [
  { id: "inApp", label: "channels.inApp", lower: "channels.inAppLower" },
  { id: "mail", label: "channels.mail", lower: "channels.mailLower" },
  { id: "push", label: "channels.push", lower: "channels.pushLower" },
] as const satisfies { id: NotificationChannel; label: string; lower: string }[];

const PERMISSION_TEXT = {
  granted: "permission.granted",
  default: "permission.default",
  denied: "permission.denied",
  unsupported: "permission.unsupported",
} as const satisfies Record<BrowserPermission, string>;

/** Settings → Notifications: per kind, which channels (bell, mail, browser) and the browser's permission. */
export function NotificationPreferences() {
  const { t } = useTranslation("notifications");
  const qc = useQueryClient();
  const { data, isPending, isError, error, refetch } = useQuery(preferencesOptions);
  const [permission, setPermission] = useState<BrowserPermission>(browserPermission);
  const save = useMutation({
    mutationFn: ({ kind, channel, value }: { kind: NotificationKind; channel: NotificationChannel; value: boolean }) => savePreferences({ [kind]: { [channel]: value } }),
    onMutate: ({ kind, channel, value }) => {
      const before = qc.getQueryData<NotificationPreferencesView>(notificationKeys.preferences());
      if (before) qc.setQueryData(notificationKeys.preferences(), { ...before, preferences: { ...before.preferences, [kind]: { ...before.preferences[kind], [channel]: value } } });
      return before;
    },
    onSuccess: (view) => qc.setQueryData(notificationKeys.preferences(), view),
    onError: (err, _v, before) => {
      if (before) qc.setQueryData(notificationKeys.preferences(), before);
      toast.error(err.message);
    },
  });
  const ask = async () => setPermission(await askBrowserPermission());

  return (
    <div className="grid gap-6">
      <Card className="rounded-xl">
        <CardHeader>
          <CardTitle>
            <h2>{t("prefs.browserTitle")}</h2>
          </CardTitle>
          <CardDescription>{t(PERMISSION_TEXT[permission])}</CardDescription>
        </CardHeader>
        {permission === "default" && (
          <CardContent>
            <Button onClick={() => void ask()}>
              <BellRing aria-hidden="true" /> {t("prefs.allow")}
            </Button>
          </CardContent>
        )}
      </Card>
      <Card className="rounded-xl">
        <CardHeader>
          <CardTitle>
            <h2>{t("prefs.title")}</h2>
          </CardTitle>
          <CardDescription>
            {data && !data.notificationsEnabled
              ? t("prefs.switchedOff")
              : t("prefs.autosave")}
          </CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {isPending ? (
            <Skeleton className="h-64 rounded-xl" />
          ) : isError ? (
            <div className="grid gap-2 text-sm">
              <p>{error.message}</p>
              <Button variant="outline" className="w-fit" onClick={() => void refetch()}>
                {t("tryAgain")}
              </Button>
            </div>
          ) : (
            <table className="w-full min-w-[28rem] text-sm">
              <caption className="sr-only">{t("prefs.caption")}</caption>
              <thead>
                <tr className="border-b border-border text-left">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t("prefs.kindColumn")}
                  </th>
                  {CHANNELS.map((c) => (
                    <th key={c.id} scope="col" className="px-3 py-2 text-center font-medium">
                      {t(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_KINDS.map((kind) => (
                  <tr key={kind} className="border-b border-border/60 last:border-0">
                    <th scope="row" className="py-2 pr-3 text-left font-normal">
                      {t(KIND_LABEL_KEYS[kind])}
                    </th>
                    {CHANNELS.map((c) => (
                      <td key={c.id} className="px-3 py-1 text-center">
                        <Checkbox
                          checked={data.preferences[kind][c.id]}
                          onCheckedChange={(v) => save.mutate({ kind, channel: c.id, value: v === true })}
                          disabled={c.id === "push" && permission !== "granted" && !data.preferences[kind].push}
                          aria-label={t("prefs.checkbox", { kind: t(KIND_LABEL_KEYS[kind]), channel: t(c.lower) })}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
