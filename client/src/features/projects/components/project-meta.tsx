import { BUILTIN_PROJECT_TEMPLATES, type Project, type ProjectUpdate } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Tag } from "lucide-react";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Input } from "@/components/ui/input";
import { TagsInput } from "@/components/ui/tags-input";
import { projectListOptions } from "../api";

type MetaPatch = Pick<ProjectUpdate, "tags" | "category">;

/** Categories already in use (for suggestions), plus the built-in templates' ones. */
function useCategories() {
  const { data } = useQuery(projectListOptions({ archived: "all" }));
  return useMemo(() => {
    const used = (data ?? []).map((p) => p.category).filter((c): c is string => Boolean(c));
    return [...new Set([...used, ...BUILTIN_PROJECT_TEMPLATES.map((t) => t.category)])].sort();
  }, [data]);
}

/** The project's tags (chips; Enter or comma adds, Backspace on an empty field removes the last) and category. */
export function ProjectMeta({ project, onSave }: { project: Project; onSave: (patch: MetaPatch) => void }) {
  const { t } = useTranslation("projects");
  const listId = useId();
  const categories = useCategories();
  const setTags = (tags: string[]) => {
    if (tags.join("\n") !== project.tags.join("\n")) onSave({ tags });
  };
  const saveCategory = (value: string) => {
    const category = value.trim() || null;
    if (category !== project.category) onSave({ category });
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="project-meta">
      <TagsInput
        className="min-w-56 flex-1"
        aria-label={t("meta.addTagLabel")}
        value={project.tags}
        onChange={setTags}
        placeholder={project.tags.length ? t("meta.addTag") : t("meta.tagsHint")}
        leading={<Tag className="ml-1 size-4 text-muted-foreground" aria-hidden />}
      />
      <Input
        key={project.category ?? ""}
        aria-label={t("meta.category")}
        placeholder={t("meta.categoryPlaceholder")}
        list={listId}
        maxLength={80}
        defaultValue={project.category ?? ""}
        className="h-9 w-44"
        onBlur={(e) => saveCategory(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            saveCategory(e.currentTarget.value);
          }
        }}
      />
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </div>
  );
}
