import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Users } from "lucide-react";
import { toast } from "sonner";
import { AvatarStack } from "@/components/people/person-avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { projectAccessOptions, ROLE_LABEL, shareProjectWithTeam, teamKeys, teamsOptions, unshareProjectFromTeam } from "../api";

function TeamsDialog({ projectId, name, shared }: { projectId: string; name: string; shared: Set<string> }) {
  const { data: teams } = useQuery(teamsOptions());
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (v: { teamId: string; on: boolean }) => (v.on ? shareProjectWithTeam(v.teamId, projectId) : unshareProjectFromTeam(v.teamId, projectId)),
    onSuccess: (team, v) => {
      toast.success(v.on ? `Shared with “${team.name}”` : `No longer shared with “${team.name}”`);
      void qc.invalidateQueries({ queryKey: teamKeys.all });
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <DialogContent>
      <DialogHeader>
        <DialogTitle>Share “{name}” with a team</DialogTitle>
        <DialogDescription>Members see the project's images with their team role: viewers comment and download, editors also edit.</DialogDescription>
      </DialogHeader>
      {!teams?.length ? (
        <p className="text-sm text-muted-foreground">
          You're not in a team yet.{" "}
          <Link to="/teams" className="font-medium text-primary underline-offset-4 hover:underline">
            Create one on the Teams page
          </Link>
          .
        </p>
      ) : (
        <ul className="grid gap-2">
          {teams.map((t) => (
            <li key={t.id} className="flex items-center gap-3 rounded-lg border border-border p-3">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{t.name}</p>
                <p className="text-xs text-muted-foreground">{t.memberCount} members</p>
              </div>
              <Switch
                aria-label={`Share with ${t.name}`}
                checked={shared.has(t.id)}
                disabled={toggle.isPending}
                onCheckedChange={(on) => toggle.mutate({ teamId: t.id, on })}
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
  const { data: access } = useQuery(projectAccessOptions(projectId));
  if (!access) return null;
  const others = access.people.filter((p) => !p.isMe);
  const stack = others.length > 0 && <AvatarStack people={access.people} label={`${access.people.length} people see this project`} />;
  if (access.myRole !== "owner") {
    const owner = access.people.find((p) => p.role === "owner");
    return (
      <div className="flex items-center gap-2">
        <Badge variant="secondary">
          Shared by {owner?.name ?? "its owner"} · you're {ROLE_LABEL[access.myRole].toLowerCase()}
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
            <Users aria-hidden /> Share with team
            {access.teams.length > 0 && <span className="text-muted-foreground">({access.teams.length})</span>}
          </Button>
        </DialogTrigger>
        <TeamsDialog projectId={projectId} name={name} shared={new Set(access.teams.map((t) => t.id))} />
      </Dialog>
      {stack}
    </div>
  );
}
