import type { Project } from "@image-studio/shared";
import { imageFileUrl } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Archive, FolderKanban } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";

/** A project in the list: cover (chosen or latest image), name, counts and tags. */
export function ProjectCard({ project }: { project: Project }) {
  const { t } = useTranslation("projects");
  const cover = project.effectiveCoverImageId;
  return (
    <Link
      to="/projects/$projectId"
      params={{ projectId: project.id }}
      data-testid="project-card"
      className="group block overflow-hidden rounded-xl border border-border bg-card transition-shadow hover:shadow-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <div className="flex aspect-video items-center justify-center bg-muted">
        {cover ? (
          <img src={imageFileUrl(cover, "preview-768")} alt="" loading="lazy" className="size-full object-cover" />
        ) : (
          <FolderKanban className="size-10 text-muted-foreground" aria-hidden />
        )}
      </div>
      <div className="space-y-2 p-3">
        <div className="flex items-center gap-2">
          <h2 className="truncate font-semibold">{project.name}</h2>
          {project.isArchived && (
            <Badge variant="secondary">
              <Archive className="size-3" /> {t("card.archived")}
            </Badge>
          )}
        </div>
        <p className="text-xs text-muted-foreground">
          {t("card.summary", { count: project.imageCount, credits: project.costCredits })}
        </p>
        {project.tags.length > 0 && (
          <div className="flex flex-wrap gap-1">
            {project.tags.slice(0, 5).map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
          </div>
        )}
      </div>
    </Link>
  );
}
