import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2, Link2Off } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { authConfigQuery } from "@/lib/session";
import { linkedAccountsQuery, linkProvider, unlinkAccount } from "../api/account";
import { Section } from "./section";

const PROVIDERS = [
  { id: "github", label: "GitHub" },
  { id: "google", label: "Google" },
] as const;

/** GitHub/Google sign-in linked to this account (only providers this server is configured for). */
export function ConnectedAccountsCard() {
  const { t } = useTranslation("account");
  const queryClient = useQueryClient();
  const { data: config } = useQuery(authConfigQuery);
  const enabled = PROVIDERS.filter((p) => config?.providers[p.id]);
  const { data: accounts, isPending } = useQuery({ ...linkedAccountsQuery, enabled: enabled.length > 0 });
  const [busy, setBusy] = useState<string | null>(null);

  const link = async (provider: "github" | "google") => {
    setBusy(provider);
    try {
      await linkProvider(provider); // leaves for the provider and comes back to Settings
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("connected.linkFailed"));
      setBusy(null);
    }
  };
  const unlink = async (provider: string, accountId: string, label: string) => {
    setBusy(provider);
    try {
      await unlinkAccount(accountId);
      await queryClient.invalidateQueries({ queryKey: linkedAccountsQuery.queryKey });
      toast.success(t("connected.disconnected", { provider: label }));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("connected.unlinkFailed"));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section id="connected-accounts" title={t("connected.title")} description={t("connected.description")}>
      {!enabled.length ? (
        <p className="text-sm text-muted-foreground">{t("connected.none")}</p>
      ) : isPending ? (
        <Skeleton className="h-12" />
      ) : (
        <ul className="divide-y divide-border">
          {enabled.map((p) => {
            const linked = accounts?.find((a) => a.providerId === p.id);
            return (
              <li key={p.id} className="flex items-center gap-3 py-3">
                <span className="flex-1 text-sm font-medium">{p.label}</span>
                {linked ? (
                  <Badge variant="success">{t("connected.connected")}</Badge>
                ) : (
                  <Badge variant="secondary">{t("connected.notConnected")}</Badge>
                )}
                {linked ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    loading={busy === p.id}
                    onClick={() => void unlink(p.id, linked.id, p.label)}
                  >
                    <Link2Off aria-hidden="true" /> {t("connected.disconnect")}
                  </Button>
                ) : (
                  <Button variant="outline" size="sm" loading={busy === p.id} onClick={() => void link(p.id)}>
                    <Link2 aria-hidden="true" /> {t("connected.connect")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
