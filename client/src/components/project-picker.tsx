import type { Project, SharedProject } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { FolderKanban } from "lucide-react";
import { useTranslation } from "react-i18next";
import { call, rpc } from "@/lib/rpc";
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
  /**
   * Also offer projects shared with the caller where their team role is at least editor, grouped "Shared with me"
   * (the studio: editors generate into them). `onChange` then gets null for the project: the caller loads it.
   */
  includeShared?: boolean;
}

/** Same key as the projects feature's list of active projects, so both share one cache entry. */
const activeProjects = { archived: "false" } as const;

/** Picks the active project (non-archived projects of the user). A small native select: keyboard and touch friendly. */
export function ProjectPicker({ value, onChange, id = "project-picker", className, includeShared = false }: ProjectPickerProps) {
  const { t } = useTranslation("common");
  const { data } = useQuery({
    queryKey: ["projects", "list", activeProjects],
    queryFn: async ({ signal }): Promise<Project[]> => (await call(rpc.projects.index.$get({ query: { archived: "false" } }, { init: { signal } }))).items,
    staleTime: 30_000,
  });
  // Under the teams feature's key prefix, so a change to a team (sharing, roles) refreshes it.
  const { data: sharedData } = useQuery({
    queryKey: ["teams", "shared-projects", "editor"],
    queryFn: async ({ signal }): Promise<SharedProject[]> =>
      (await call(rpc.teams["shared-projects"].$get({ query: { minRole: "editor" } }, { init: { signal } }))).items,
    staleTime: 30_000,
    enabled: includeShared,
  });
  const projects = data ?? [];
  const shared = includeShared ? (sharedData ?? []) : [];
  const known = value === null || projects.some((p) => p.id === value) || shared.some((p) => p.projectId === value);
  return (
    <label htmlFor={id} className={cn("inline-flex items-center gap-1.5 text-sm", className)}>
      <FolderKanban className="size-4 text-muted-foreground" aria-hidden />
      <span className="sr-only">{t("projectPicker.label")}</span>
      <select
        id={id}
        data-testid="project-picker"
        className="h-8 max-w-48 truncate rounded-lg border border-border bg-background px-2 text-sm pointer-coarse:h-11"
        value={value ?? ""}
        onChange={(e) => {
          const next = e.target.value || null;
          onChange(next, projects.find((p) => p.id === next) ?? null);
        }}
      >
        <option value="">{t("projectPicker.none")}</option>
        {!known && value && <option value={value}>{t("projectPicker.current")}</option>}
        {shared.length > 0 ? (
          <>
            <optgroup label={t("projectPicker.mine")}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("projectPicker.shared")}>
              {shared.map((p) => (
                <option key={p.projectId} value={p.projectId}>
                  {t("projectPicker.sharedOption", { name: p.name, owner: p.ownerName })}
                </option>
              ))}
            </optgroup>
          </>
        ) : (
          projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))
        )}
      </select>
    </label>
  );
}
