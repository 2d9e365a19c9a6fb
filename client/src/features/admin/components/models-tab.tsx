import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { adminKeys, adminModelsOptions, toggleModel } from "../api/admin";

/** Switch models on and off for everyone (audited; the studio and the status list follow). */
export function ModelsTab() {
  const { t } = useTranslation("admin");
  const qc = useQueryClient();
  const models = useQuery(adminModelsOptions);
  const toggle = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => toggleModel(id, on),
    onSuccess: (m) => {
      toast.success(m.isActive ? t("models.enabled", { name: m.displayName }) : t("models.disabled", { name: m.displayName }));
      void qc.invalidateQueries({ queryKey: adminKeys.models() });
      void qc.invalidateQueries({ queryKey: ["models"] });
    },
    onError: (e) => toast.error(e.message),
  });
  if (models.isPending) return <Skeleton className="h-64 rounded-xl" />;
  if (models.isError) return <p role="alert">{models.error.message}</p>;
  return (
    <ul className="grid gap-2" aria-label={t("tabs.models")}>
      {models.data.map((m) => (
        <li key={m.id} className="flex items-center justify-between gap-3 rounded-xl border border-border bg-card px-4 py-3">
          <div className="min-w-0">
            <p className="font-medium">{m.displayName}</p>
            <p className="truncate font-mono text-xs text-muted-foreground">{m.id}</p>
            {!m.available && <p className="text-xs text-muted-foreground">{m.unavailableReason ?? t("models.noEngine")}</p>}
          </div>
          <Switch checked={m.isActive} disabled={toggle.isPending} onCheckedChange={(on) => toggle.mutate({ id: m.id, on })} aria-label={t("models.switchLabel", { name: m.displayName })} />
        </li>
      ))}
    </ul>
  );
}
