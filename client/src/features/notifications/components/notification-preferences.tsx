import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type NotificationChannel, type NotificationKind, type NotificationPreferencesView } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { notificationKeys, preferencesOptions, savePreferences } from "../api/notifications";
import { askBrowserPermission, browserPermission, type BrowserPermission } from "../lib/browser-notifications";

const CHANNELS: { id: NotificationChannel; label: string }[] = [
  { id: "inApp", label: "In the app" },
  { id: "mail", label: "E-mail" },
  { id: "push", label: "Browser" },
];

const PERMISSION_TEXT: Record<BrowserPermission, string> = {
  granted: "This browser shows notifications for the kinds ticked under Browser.",
  default: "Allow this browser to show notifications, then tick the kinds you want under Browser.",
  denied: "This browser blocks notifications from Image Studio. Allow them in the site settings to use the Browser column.",
  unsupported: "This browser cannot show notifications; the bell and e-mail still work.",
};

/** Settings → Notifications: per kind, which channels (bell, mail, browser) and the browser's permission. */
export function NotificationPreferences() {
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
            <h2>Browser notifications</h2>
          </CardTitle>
          <CardDescription>{PERMISSION_TEXT[permission]}</CardDescription>
        </CardHeader>
        {permission === "default" && (
          <CardContent>
            <Button onClick={() => void ask()}>
              <BellRing aria-hidden="true" /> Allow browser notifications
            </Button>
          </CardContent>
        )}
      </Card>
      <Card className="rounded-xl">
        <CardHeader>
          <CardTitle>
            <h2>What to tell you, and how</h2>
          </CardTitle>
          <CardDescription>
            {data && !data.notificationsEnabled
              ? "Notifications are switched off in Preferences: only the bell gets them until you switch them back on."
              : "Changes save as you tick them."}
          </CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {isPending ? (
            <Skeleton className="h-64 rounded-xl" />
          ) : isError ? (
            <div className="grid gap-2 text-sm">
              <p>{error.message}</p>
              <Button variant="outline" className="w-fit" onClick={() => void refetch()}>
                Try again
              </Button>
            </div>
          ) : (
            <table className="w-full min-w-[28rem] text-sm">
              <caption className="sr-only">Notification channels per kind</caption>
              <thead>
                <tr className="border-b border-border text-left">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Notification
                  </th>
                  {CHANNELS.map((c) => (
                    <th key={c.id} scope="col" className="px-3 py-2 text-center font-medium">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_KINDS.map((kind) => (
                  <tr key={kind} className="border-b border-border/60 last:border-0">
                    <th scope="row" className="py-2 pr-3 text-left font-normal">
                      {NOTIFICATION_KIND_LABELS[kind]}
                    </th>
                    {CHANNELS.map((c) => (
                      <td key={c.id} className="px-3 py-1 text-center">
                        <Checkbox
                          checked={data.preferences[kind][c.id]}
                          onCheckedChange={(v) => save.mutate({ kind, channel: c.id, value: v === true })}
                          disabled={c.id === "push" && permission !== "granted" && !data.preferences[kind].push}
                          aria-label={`${NOTIFICATION_KIND_LABELS[kind]}: ${c.label.toLowerCase()}`}
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
