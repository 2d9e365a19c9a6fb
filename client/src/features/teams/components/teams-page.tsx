import type { TeamSummary } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { FolderKanban, Plus, Trash2, Users } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { AvatarStack } from "@/components/people/person-avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { createTeam, deleteTeam, ROLE_LABEL, teamKeys, teamOptions, teamsOptions } from "../api";
import { InviteForm } from "./invite-form";
import { MyInvitations } from "./my-invitations";
import { TeamMembers } from "./team-members";

function NewTeamForm() {
  const { t } = useTranslation("teams");
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => createTeam(name.trim()),
    onSuccess: (team) => (setName(""), toast.success(t("page.created", { team: team.name })), void qc.invalidateQueries({ queryKey: teamKeys.all })),
    onError: (e) => toast.error(e.message),
  });
  const submit = (e: FormEvent) => (e.preventDefault(), name.trim() && create.mutate());
  return (
    <form onSubmit={submit} className="flex flex-wrap gap-2" aria-label={t("page.createForm")}>
      <Input aria-label={t("page.newName")} placeholder={t("page.namePlaceholder")} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} className="min-w-48 flex-1" />
      <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
        <Plus aria-hidden /> {t("page.create")}
      </Button>
    </form>
  );
}

function TeamCard({ summary }: { summary: TeamSummary }) {
  const { t } = useTranslation("teams");
  const { data: team } = useQuery(teamOptions(summary.id));
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteTeam(summary.id),
    onSuccess: () => (toast.success(t("page.deleted", { team: summary.name })), void qc.invalidateQueries({ queryKey: teamKeys.all })),
    onError: (e) => toast.error(e.message),
  });
  const headingId = `team-${summary.id}`;
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-xl border border-border bg-card p-4 shadow-sm sm:p-5">
      <header className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="min-w-0 flex-1 truncate text-lg font-semibold">
          {summary.name}
        </h2>
        {team && <AvatarStack people={team.members} label={t("memberCount", { count: team.members.length })} />}
        <Badge variant={summary.myRole === "admin" ? "default" : "secondary"}>{t("page.you", { role: t(ROLE_LABEL[summary.myRole]) })}</Badge>
      </header>
      {!team ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <div className="grid gap-5 lg:grid-cols-2">
          <section className="space-y-3" aria-label={t("members.of", { team: team.name })}>
            <h3 className="text-sm font-semibold text-muted-foreground">{t("page.members")}</h3>
            <TeamMembers team={team} />
            {team.myRole === "admin" && <InviteForm teamId={team.id} teamName={team.name} />}
          </section>
          <section className="space-y-2" aria-label={t("page.projectsOf", { team: team.name })}>
            <h3 className="text-sm font-semibold text-muted-foreground">{t("page.projects")}</h3>
            {team.projects.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("page.noProjects")}</p>
            ) : (
              <ul className="grid gap-2">
                {team.projects.map((p) => (
                  <li key={p.projectId}>
                    <Link to="/projects/$projectId" params={{ projectId: p.projectId }} className="flex items-center gap-3 rounded-lg border border-border p-3 transition-colors duration-200 hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                      <FolderKanban className="size-5 text-primary" aria-hidden />
                      <span className="min-w-0 flex-1 truncate font-medium">{p.name}</span>
                      <span className="text-xs text-muted-foreground">{p.isMine ? t("page.mineImages", { count: p.imageCount }) : t("page.byImages", { owner: p.ownerName, count: p.imageCount })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
      {summary.myRole === "admin" && (
        <div className="flex justify-end">
          <Button size="sm" variant="ghost" className="text-destructive-strong" loading={remove.isPending} onClick={() => confirm(t("page.confirmDelete", { team: summary.name })) && remove.mutate()}>
            <Trash2 aria-hidden /> {t("page.delete")}
          </Button>
        </div>
      )}
    </article>
  );
}

/** /teams: my invitations, a new team, and each of my teams with members, invitations and shared projects. */
export function TeamsPage({ invite }: { invite?: string }) {
  const { t } = useTranslation("teams");
  const { data, isPending } = useQuery(teamsOptions());
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title={t("page.title")} description={t("page.description")} />
      <MyInvitations highlight={invite} />
      <NewTeamForm />
      {isPending ? (
        <Skeleton className="h-40 w-full rounded-xl" />
      ) : !data?.length ? (
        <EmptyState icon={Users} title={t("page.emptyTitle")} description={t("page.emptyDescription")} />
      ) : (
        data.map((s) => <TeamCard key={s.id} summary={s} />)
      )}
    </div>
  );
}
