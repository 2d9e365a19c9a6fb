import type { Project } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { FolderKanban } from "lucide-react";
import { api } from "@/lib/api";
import { cn } from "@/lib/cn";

export interface ProjectPickerProps {
  /** The active project id, or null for "No project". */
  value: string | null;
  /**
   * Called with the new id and the project (null for "No project"). The project carries `settings`
   * (defaultModelId, defaultParameters, promptStarters) for the caller to apply.
   */
  onChange: (projectId: string | null, project: Project | null) => void;
  id?: string;
  className?: string;
}

/** Same key as the projects feature's list of active projects, so both share one cache entry. */
const activeProjects = { archived: "false" } as const;

/** Picks the active project (non-archived projects of the user). A small native select: keyboard and touch friendly. */
export function ProjectPicker({ value, onChange, id = "project-picker", className }: ProjectPickerProps) {
  const { data } = useQuery({
    queryKey: ["projects", "list", activeProjects],
    queryFn: async ({ signal }) => (await api<{ items: Project[] }>("/api/projects?archived=false", { signal })).items,
    staleTime: 30_000,
  });
  const projects = data ?? [];
  const known = value === null || projects.some((p) => p.id === value);
  return (
    <label htmlFor={id} className={cn("inline-flex items-center gap-1.5 text-sm", className)}>
      <FolderKanban className="size-4 text-muted-foreground" aria-hidden />
      <span className="sr-only">Project</span>
      <select
        id={id}
        data-testid="project-picker"
        className="h-8 max-w-48 truncate rounded-lg border border-border bg-background px-2 text-sm"
        value={value ?? ""}
        onChange={(e) => {
          const next = e.target.value || null;
          onChange(next, projects.find((p) => p.id === next) ?? null);
        }}
      >
        <option value="">No project</option>
        {!known && value && <option value={value}>Current project</option>}
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
