import type { ProjectAccessRole, ProjectUpdate } from "@image-studio/shared";
import { imageFileUrl } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Archive, ArchiveRestore, Copy, Download, FolderKanban, LayoutTemplate, Sparkles } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { SaveOfflineButton } from "@/components/offline/save-offline-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatDate } from "@/i18n";
import {
  archiveProject,
  duplicateProject,
  exportProject,
  projectKeys,
  projectOptions,
  saveAsTemplate,
  updateProject,
} from "./api";
import { AddImagesDialog } from "./components/add-images-dialog";
import { DeleteProjectDialog } from "./components/delete-project-dialog";
import { MemberProjectView } from "./components/member-project-view";
import { MoveDnd, ProjectDropTargets } from "./components/move-dnd";
import { ProjectImages } from "./components/project-images";
import { ProjectMeta } from "./components/project-meta";
import { CoverPicker, ProjectNotes } from "./components/project-notes-cover";
import { ProjectSettingsForm } from "./components/project-settings";
import { ProjectStats } from "./components/project-stats";

/**
 * One project: header (cover, editable title, description, tags and category), toolbar, image grid and stats. A team
 * member (`role` other than "owner") gets the read-only view of a shared project instead.
 */
export function ProjectPage({ projectId, share, role = "owner" }: { projectId: string; share?: (name: string) => ReactNode; role?: ProjectAccessRole }) {
  const { t } = useTranslation("projects");
  const { data: project, error } = useQuery(projectOptions(projectId));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => void qc.invalidateQueries({ queryKey: projectKeys.all });
  const save = useMutation({
    mutationFn: (patch: ProjectUpdate) => updateProject(projectId, patch),
    onSuccess: (p) => {
      qc.setQueryData(projectKeys.detail(projectId), p);
      refresh();
    },
    onError: (e) => toast.error(e.message),
  });
  const archive = useMutation({
    mutationFn: (v: boolean) => archiveProject(projectId, v),
    onSuccess: refresh,
    onError: (e) => toast.error(e.message),
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateProject(projectId),
    onSuccess: (p) => {
      refresh();
      toast.success(t("page.duplicated"));
      void navigate({ to: "/projects/$projectId", params: { projectId: p.id } });
    },
    onError: (e) => toast.error(e.message),
  });
  const template = useMutation({
    mutationFn: () => saveAsTemplate(projectId, t("page.templateName", { name: project?.name ?? t("page.defaultName") })),
    onSuccess: () => toast.success(t("page.savedAsTemplate")),
    onError: (e) => toast.error(e.message),
  });
  if (error) return <p role="alert">{error.message}</p>;
  if (!project) return null;
  if (role !== "owner") return <MemberProjectView project={project} role={role} share={share?.(project.name)} />;
  const cover = project.effectiveCoverImageId;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start gap-4">
        <div className="flex size-28 shrink-0 items-center justify-center overflow-hidden rounded-xl bg-muted">
          {cover ? (
            <img src={imageFileUrl(cover)} alt="" className="size-full object-cover" />
          ) : (
            <FolderKanban className="size-10 text-muted-foreground" aria-hidden />
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-2" key={project.version}>
          <h1 className="sr-only">{project.name}</h1>
          <Input
            aria-label={t("page.name")}
            defaultValue={project.name}
            className="text-xl font-bold"
            onBlur={(e) =>
              e.target.value.trim() && e.target.value !== project.name && save.mutate({ name: e.target.value })
            }
          />
          <Textarea
            aria-label={t("page.description")}
            placeholder={t("page.addDescription")}
            defaultValue={project.description}
            onBlur={(e) => e.target.value !== project.description && save.mutate({ description: e.target.value })}
          />
          <ProjectMeta project={project} onSave={(patch) => save.mutate(patch)} />
          <p className="text-xs text-muted-foreground">
            {t("page.summary", { count: project.imageCount, credits: project.costCredits, date: formatDate(project.updatedAt) })}
          </p>
        </div>
      </header>
      <div role="toolbar" aria-label={t("page.actions")} className="flex flex-wrap gap-2">
        <Button size="sm" asChild>
          <Link to="/studio" search={{ projectId }} data-testid="generate-here">
            <Sparkles aria-hidden="true" /> {t("page.generateHere")}
          </Link>
        </Button>
        <AddImagesDialog projectId={projectId} />
        <CoverPicker project={project} onSave={(patch) => save.mutate(patch)} />
        <SaveOfflineButton kind="project" id={projectId} name={project.name} />
        {share?.(project.name)}
        <Button size="sm" variant="outline" onClick={() => exportProject(projectId)} disabled={!project.imageCount}>
          <Download /> {t("page.export")}
        </Button>
        <Button size="sm" variant="outline" loading={duplicate.isPending} onClick={() => duplicate.mutate()}>
          <Copy /> {t("page.duplicate")}
        </Button>
        <Button size="sm" variant="outline" loading={template.isPending} onClick={() => template.mutate()}>
          <LayoutTemplate /> {t("page.saveAsTemplate")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          loading={archive.isPending}
          onClick={() => archive.mutate(!project.isArchived)}
        >
          {project.isArchived ? <ArchiveRestore /> : <Archive />} {project.isArchived ? t("page.unarchive") : t("page.archive")}
        </Button>
        <DeleteProjectDialog projectId={projectId} name={project.name} />
      </div>
      <MoveDnd projectId={projectId}>
        <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
          <ProjectImages projectId={projectId} />
          <div className="space-y-4">
            <ProjectDropTargets projectId={projectId} />
            <ProjectStats projectId={projectId} />
            <ProjectNotes project={project} onSave={(patch) => save.mutate(patch)} />
            <ProjectSettingsForm
              key={project.version}
              project={project}
              saving={save.isPending}
              onSave={(settings) => save.mutate({ settings })}
            />
          </div>
        </div>
      </MoveDnd>
    </div>
  );
}
