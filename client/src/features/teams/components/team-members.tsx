import type { TeamDetail, TeamRole } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LogOut, UserMinus, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PersonAvatar } from "@/components/people/person-avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { removeMember, revokeInvitation, ROLE_LABEL, setMemberRole, teamKeys } from "../api";
import { RoleSelect } from "./role-select";

/** Members with their role (a select for admins), leave/remove, and the pending invitations (admins). */
export function TeamMembers({ team }: { team: TeamDetail }) {
  const { t } = useTranslation("teams");
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: teamKeys.all });
  const isAdmin = team.myRole === "admin";
  const role = useMutation({
    mutationFn: (v: { userId: string; role: TeamRole }) => setMemberRole(team.id, v.userId, v.role),
    onSuccess: () => (refresh(), toast.success(t("members.roleChanged"))),
    onError: (e) => toast.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(team.id, userId),
    onSuccess: (_, userId) => (refresh(), toast.success(userId === team.members.find((m) => m.isMe)?.userId ? t("members.left", { team: team.name }) : t("members.removed"))),
    onError: (e) => toast.error(e.message),
  });
  const revoke = useMutation({ mutationFn: (id: string) => revokeInvitation(team.id, id), onSuccess: refresh, onError: (e) => toast.error(e.message) });
  return (
    <div className="space-y-3">
      <ul aria-label={t("members.of", { team: team.name })} className="divide-y divide-border rounded-lg border border-border">
        {team.members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-3 p-3">
            <PersonAvatar name={m.name} image={m.image} />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">
                {m.name} {m.isMe && <span className="text-muted-foreground">{t("members.you")}</span>}
              </p>
              <p className="truncate text-xs text-muted-foreground">{m.email}</p>
            </div>
            {isAdmin && !m.isMe ? (
              <RoleSelect value={m.role} onChange={(r) => role.mutate({ userId: m.userId, role: r })} label={t("members.roleOf", { name: m.name })} />
            ) : (
              <Badge variant={m.role === "admin" ? "default" : "secondary"}>{t(ROLE_LABEL[m.role])}</Badge>
            )}
            {m.isMe ? (
              <Button size="sm" variant="ghost" onClick={() => remove.mutate(m.userId)} aria-label={t("members.leaveLabel", { team: team.name })}>
                <LogOut aria-hidden /> {t("members.leave")}
              </Button>
            ) : (
              isAdmin && (
                <Button size="icon" variant="ghost" className="size-8" onClick={() => remove.mutate(m.userId)} aria-label={t("members.remove", { name: m.name })}>
                  <UserMinus aria-hidden />
                </Button>
              )
            )}
          </li>
        ))}
      </ul>
      {isAdmin && team.invitations.length > 0 && (
        <div>
          <h4 className="mb-1 text-sm font-medium">{t("members.pending")}</h4>
          <ul className="grid gap-1">
            {team.invitations.map((inv) => (
              <li key={inv.id} className="flex items-center gap-2 text-sm">
                <span className="min-w-0 flex-1 truncate">{inv.email}</span>
                <Badge variant="outline">{t(ROLE_LABEL[inv.role])}</Badge>
                <Button size="icon" variant="ghost" className="size-8" onClick={() => revoke.mutate(inv.id)} aria-label={t("members.cancelInvitation", { email: inv.email })}>
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
