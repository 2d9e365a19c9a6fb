import type { ProjectListQuery } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { FolderKanban } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { projectListOptions } from "./api";
import { NewProjectDialog } from "./components/new-project-dialog";
import { ProjectCard } from "./components/project-card";

/** The projects list: cards, with filters for archived projects and a tag. */
export function ProjectsPage() {
  const { t } = useTranslation("projects");
  const [archived, setArchived] = useState<NonNullable<ProjectListQuery["archived"]>>("false");
  const [tag, setTag] = useState("");
  const q: ProjectListQuery = { archived, tag: tag.trim() || undefined };
  const list = useQuery(projectListOptions(q));
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={<NewProjectDialog />}
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label htmlFor="projects-archived">{t("list.show")}</Label>
          <select
            id="projects-archived"
            className="h-9 rounded-lg border border-border bg-background px-2 text-sm"
            value={archived}
            onChange={(e) => setArchived(e.target.value as typeof archived)}
          >
            <option value="false">{t("list.active")}</option>
            <option value="true">{t("list.archived")}</option>
            <option value="all">{t("list.all")}</option>
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="projects-tag">{t("list.tag")}</Label>
          <Input
            id="projects-tag"
            placeholder={t("list.anyTag")}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            className="w-48"
          />
        </div>
      </div>
      {list.isPending ? (
        <div className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-4">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="aspect-video" />
          ))}
        </div>
      ) : list.error ? (
        <p role="alert" className="text-sm text-destructive-strong">
          {list.error.message}
        </p>
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={FolderKanban}
          title={t("list.emptyTitle")}
          description={t("list.emptyDescription")}
        />
      ) : (
        <div role="list" className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-4">
          {list.data.map((p) => (
            <div role="listitem" key={p.id}>
              <ProjectCard project={p} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
