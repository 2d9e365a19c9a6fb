import { BUILTIN_PROJECT_TEMPLATES, LIMITS, type Project, type ProjectUpdate } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Tag, X } from "lucide-react";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { Input } from "@/components/ui/input";
import { projectListOptions } from "../api";

type MetaPatch = Pick<ProjectUpdate, "tags" | "category">;

/** Tags typed in the field: split on commas, trimmed, cut to the tag limit, without repeats. */
export function addTags(current: string[], text: string): string[] {
  const typed = text
    .split(",")
    .map((t) => t.trim().slice(0, LIMITS.tagMaxLength))
    .filter(Boolean);
  return [...new Set([...current, ...typed])].slice(0, LIMITS.tagsPerImage);
}

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
  const [text, setText] = useState("");
  const listId = useId();
  const categories = useCategories();
  const setTags = (tags: string[]) => {
    if (tags.join("\n") !== project.tags.join("\n")) onSave({ tags });
  };
  const commit = () => {
    if (text.trim()) setTags(addTags(project.tags, text));
    setText("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      commit();
    } else if (e.key === "Backspace" && !text && project.tags.length) setTags(project.tags.slice(0, -1));
  };
  const saveCategory = (value: string) => {
    const category = value.trim() || null;
    if (category !== project.category) onSave({ category });
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="project-meta">
      <div className="flex min-w-56 flex-1 flex-wrap items-center gap-1.5 rounded-lg border border-input bg-background p-1.5 focus-within:border-ring">
        <Tag className="ml-1 size-4 text-muted-foreground" aria-hidden />
        {project.tags.map((t) => (
          <span key={t} className="inline-flex items-center gap-1 rounded-md bg-primary/15 py-0.5 pr-1 pl-2 text-xs text-primary-strong">
            {t}
            <button
              type="button"
              className="rounded p-0.5 hover:bg-primary/20"
              aria-label={`Remove tag ${t}`}
              onClick={() => setTags(project.tags.filter((x) => x !== t))}
            >
              <X className="size-3" aria-hidden="true" />
            </button>
          </span>
        ))}
        <Input
          aria-label="Add a project tag"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          placeholder={project.tags.length ? "Add a tag" : "Tags: type and press Enter"}
          className="h-7 min-w-28 flex-1 border-0 px-1 shadow-none focus-visible:outline-none"
        />
      </div>
      <Input
        key={project.category ?? ""}
        aria-label="Project category"
        placeholder="Category"
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
