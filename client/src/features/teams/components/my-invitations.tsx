import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, MailOpen, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/i18n";
import { cn } from "@/lib/cn";
import { acceptInvitation, declineInvitation, myInvitationsOptions, ROLE_LABEL, teamKeys } from "../api";

/** Invitations addressed to me, with accept and decline; the one a mail or notification opened is highlighted. */
export function MyInvitations({ highlight }: { highlight?: string }) {
  const { t } = useTranslation("teams");
  const { data } = useQuery(myInvitationsOptions());
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: teamKeys.all });
  const accept = useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (team) => (done(), toast.success(t("invitations.joined", { team: team.name }))),
    onError: (e) => (done(), toast.error(e.message)),
  });
  const decline = useMutation({ mutationFn: declineInvitation, onSuccess: () => (done(), toast(t("invitations.declined"))), onError: (e) => toast.error(e.message) });
  if (!data?.length) return null;
  return (
    <section aria-labelledby="my-invitations" className="space-y-2">
      <h2 id="my-invitations" className="text-lg font-semibold">
        {t("invitations.title")}
      </h2>
      <ul className="grid gap-2">
        {data.map((inv) => (
          <li
            key={inv.id}
            className={cn("flex flex-wrap items-center gap-3 rounded-xl border border-border bg-card p-4 transition-shadow duration-200", inv.id === highlight && "ring-2 ring-primary")}
          >
            <MailOpen className="size-5 text-primary" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{inv.teamName}</p>
              <p className="text-sm text-muted-foreground">
                {inv.invitedByName
                  ? t("invitations.invitedBy", { name: inv.invitedByName, date: formatDate(inv.expiresAt) })
                  : t("invitations.invited", { date: formatDate(inv.expiresAt) })}
              </p>
            </div>
            <Badge variant="secondary">{t(ROLE_LABEL[inv.role])}</Badge>
            <Button size="sm" loading={accept.isPending && accept.variables === inv.id} onClick={() => accept.mutate(inv.id)} aria-label={t("invitations.acceptLabel", { team: inv.teamName })}>
              <Check aria-hidden /> {t("invitations.accept")}
            </Button>
            <Button size="sm" variant="outline" onClick={() => decline.mutate(inv.id)} aria-label={t("invitations.declineLabel", { team: inv.teamName })}>
              <X aria-hidden /> {t("invitations.decline")}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
