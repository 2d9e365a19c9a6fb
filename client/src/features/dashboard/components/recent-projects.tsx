import { Link } from "@tanstack/react-router";
import { FolderKanban } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { imageFileUrl, type Project } from "@image-studio/shared";
import { fmt } from "./panel";

export function RecentProjects({ projects }: { projects: Project[] }) {
  const { t } = useTranslation("dashboard");
  if (!projects.length) {
    return (
      <p className="text-sm text-muted-foreground">
        <Trans
          t={t}
          i18nKey="projects.empty"
          components={{
            a: <Link to="/projects" className="rounded-sm text-primary-strong underline-offset-4 hover:underline" />,
          }}
        />
      </p>
    );
  }
  return (
    <ul className="grid grid-cols-2 gap-3">
      {projects.map((p) => (
        <li key={p.id} className="min-w-0">
          <Link
            to="/projects/$projectId"
            params={{ projectId: p.id }}
            className="block rounded-lg border border-border p-2 transition-colors hover:bg-muted"
          >
            <span className="mb-2 grid aspect-video place-items-center overflow-hidden rounded-md bg-muted">
              {p.effectiveCoverImageId ? (
                <img
                  src={imageFileUrl(p.effectiveCoverImageId, "thumb-256")}
                  alt=""
                  loading="lazy"
                  className="size-full object-cover"
                />
              ) : (
                <FolderKanban className="size-6 text-muted-foreground" aria-hidden="true" />
              )}
            </span>
            <span className="block truncate text-sm font-medium">{p.name}</span>
            <span className="block text-xs text-muted-foreground">
              {t("projects.images", { count: p.imageCount, n: fmt(p.imageCount) })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
