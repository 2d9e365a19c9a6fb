import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Users } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { AvatarStack } from "@/components/people/person-avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { projectAccessOptions, ROLE_INLINE, shareProjectWithTeam, teamKeys, teamsOptions, unshareProjectFromTeam } from "../api";

function TeamsDialog({ projectId, name, shared }: { projectId: string; name: string; shared: Set<string> }) {
  const { t } = useTranslation("teams");
  const { data: teams } = useQuery(teamsOptions());
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (v: { teamId: string; on: boolean }) => (v.on ? shareProjectWithTeam(v.teamId, projectId) : unshareProjectFromTeam(v.teamId, projectId)),
    onSuccess: (team, v) => {
      toast.success(v.on ? t("share.shared", { team: team.name }) : t("share.unshared", { team: team.name }));
      void qc.invalidateQueries({ queryKey: teamKeys.all });
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <DialogContent>
      <DialogHeader>
        <DialogTitle>{t("share.title", { name })}</DialogTitle>
        <DialogDescription>{t("share.description")}</DialogDescription>
      </DialogHeader>
      {!teams?.length ? (
        <p className="text-sm text-muted-foreground">
          <Trans t={t} i18nKey="share.noTeams" components={{ a: <Link to="/teams" className="font-medium text-primary underline-offset-4 hover:underline" /> }} />
        </p>
      ) : (
        <ul className="grid gap-2">
          {teams.map((team) => (
            <li key={team.id} className="flex items-center gap-3 rounded-lg border border-border p-3">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{team.name}</p>
                <p className="text-xs text-muted-foreground">{t("memberCount", { count: team.memberCount })}</p>
              </div>
              <Switch
                aria-label={t("share.with", { team: team.name })}
                checked={shared.has(team.id)}
                disabled={toggle.isPending}
                onCheckedChange={(on) => toggle.mutate({ teamId: team.id, on })}
              />
            </li>
          ))}
        </ul>
      )}
    </DialogContent>
  );
}

/**
 * On a project page: for its owner, "Share with team" (which teams see it) and who does; for a member, their role
 * and who else is in. Renders nothing while the project is only on this device.
 */
export function ProjectTeamShare({ projectId, name }: { projectId: string; name: string }) {
  const { t } = useTranslation("teams");
  const { data: access } = useQuery(projectAccessOptions(projectId));
  if (!access) return null;
  const others = access.people.filter((p) => !p.isMe);
  const stack = others.length > 0 && <AvatarStack people={access.people} label={t("share.people", { count: access.people.length })} />;
  if (access.myRole !== "owner") {
    const owner = access.people.find((p) => p.role === "owner");
    return (
      <div className="flex items-center gap-2">
        <Badge variant="secondary">
          {t("share.sharedBy", { owner: owner?.name ?? t("share.itsOwner"), role: t(ROLE_INLINE[access.myRole]) })}
        </Badge>
        {stack}
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Dialog>
        <DialogTrigger asChild>
          <Button size="sm" variant="outline">
            <Users aria-hidden /> {t("share.button")}
            {access.teams.length > 0 && <span className="text-muted-foreground">({access.teams.length})</span>}
          </Button>
        </DialogTrigger>
        <TeamsDialog projectId={projectId} name={name} shared={new Set(access.teams.map((t) => t.id))} />
      </Dialog>
      {stack}
    </div>
  );
}
