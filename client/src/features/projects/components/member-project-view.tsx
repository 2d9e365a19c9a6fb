import type { Project, ProjectAccessRole } from "@image-studio/shared";
import { imageFileUrl } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Download, FolderKanban, Info, Sparkles } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SaveOfflineButton } from "@/components/offline/save-offline-button";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/i18n";
import { exportProject } from "../api";
import { ProjectImages } from "./project-images";
import { ProjectStats } from "./project-stats";

const CAN = {
  viewer: "member.canViewer",
  editor: "member.canEditor",
  admin: "member.canEditor",
} as const satisfies Record<Exclude<ProjectAccessRole, "owner">, string>;

/**
 * A shared project as a team member sees it: the owner's name, description and pictures, read-only except what the
 * member's role allows (export and "available offline" for all; generating here and removing images for editors and
 * admins). Settings, sharing, duplicating, archiving and deleting stay with the owner, and no request the role would
 * be refused is made.
 */
export function MemberProjectView({ project, role, share }: { project: Project; role: Exclude<ProjectAccessRole, "owner">; share?: ReactNode }) {
  const { t } = useTranslation("projects");
  const cover = project.effectiveCoverImageId;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start gap-4">
        <div className="flex size-28 shrink-0 items-center justify-center overflow-hidden rounded-xl bg-muted">
          {cover ? <img src={imageFileUrl(cover)} alt="" className="size-full object-cover" /> : <FolderKanban className="size-10 text-muted-foreground" aria-hidden />}
        </div>
        <div className="min-w-0 flex-1 space-y-2">
          <h1 className="text-xl font-bold break-words">{project.name}</h1>
          {project.description && <p className="whitespace-pre-wrap text-foreground/80">{project.description}</p>}
          <p className="text-xs text-muted-foreground">
            {t("member.summary", { count: project.imageCount, date: formatDate(project.updatedAt) })}
          </p>
          <p className="flex items-start gap-1.5 text-sm text-muted-foreground">
            <Info className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <span>{t("member.ownerOnly", { can: t(CAN[role]) })}</span>
          </p>
        </div>
      </header>
      <div role="toolbar" aria-label={t("page.actions")} className="flex flex-wrap gap-2">
        {role !== "viewer" && (
          <Button size="sm" asChild>
            <Link to="/studio" search={{ projectId: project.id }} data-testid="generate-here">
              <Sparkles aria-hidden="true" /> {t("page.generateHere")}
            </Link>
          </Button>
        )}
        <SaveOfflineButton kind="project" id={project.id} name={project.name} />
        {share}
        <Button size="sm" variant="outline" onClick={() => exportProject(project.id)} disabled={!project.imageCount}>
          <Download /> {t("page.export")}
        </Button>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <ProjectImages projectId={project.id} canRemove={role !== "viewer"} canMove={false} />
        <div className="space-y-4">
          <ProjectStats projectId={project.id} />
        </div>
      </div>
    </div>
  );
}
