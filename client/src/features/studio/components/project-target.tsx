import type { Project } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ProjectPicker } from "@/components/project-picker";
import { call, rpc } from "@/lib/rpc";
import type { ModelEntry } from "../api/models";
import { fromParameters, type StudioValues } from "../lib/form";
import { useTranslation } from "react-i18next";

/**
 * Where new images go: the project target. Picking a project applies its default model and parameters; its prompt
 * prefix is added by the server to every generation made into it (shown here so nobody is surprised). The choice is
 * part of the studio draft, so this device remembers it.
 */
export function ProjectTarget({ models, onModelChange, applyOnLoad }: { models: ModelEntry[]; onModelChange: (id: string) => void; applyOnLoad?: string }) {
  const { t } = useTranslation("studio");
  const { setValue, getValues } = useFormContext<StudioValues>();
  const projectId = useWatch<StudioValues, "projectId">({ name: "projectId" });
  // Arriving from a project's "Generate here" (or picking a shared one): apply its defaults once, when it has loaded.
  const pending = useRef(applyOnLoad);
  const { data: project } = useQuery({
    queryKey: ["projects", "detail", projectId],
    queryFn: ({ signal }): Promise<Project> => call(rpc.projects[":id{[0-9a-fA-F-]{36}}"].$get({ param: { id: projectId! } }, { init: { signal } })),
    enabled: Boolean(projectId),
    staleTime: 30_000,
  });

  const apply = (id: string | null, p: Project | null) => {
    setValue("projectId", id, { shouldDirty: true });
    // A project shared with me: its defaults apply once it has loaded, as for a "Generate here" arrival.
    if (id && !p) pending.current = id;
    if (!p) return;
    const { defaultModelId, defaultParameters } = p.settings;
    const model = models.find((m) => m.id === defaultModelId && m.operations.includes("text-to-image"));
    if (model && model.id !== getValues("modelId")) onModelChange(model.id);
    const target = model ?? models.find((m) => m.id === getValues("modelId"));
    if (target && defaultParameters && (!defaultModelId || defaultModelId === target.id)) {
      const stored = fromParameters(target, defaultParameters);
      const { params, ...rest } = stored;
      for (const [k, v] of Object.entries(rest)) setValue(k as keyof StudioValues, v as never, { shouldDirty: true });
      setValue("params", { ...getValues("params"), ...params }, { shouldDirty: true });
    }
    if (model || defaultParameters) toast.success(t("project.using", { name: p.name }), { description: model ? model.displayName : undefined });
  };

  useEffect(() => {
    if (!project || pending.current !== project.id) return;
    pending.current = undefined;
    apply(project.id, project);
  });

  const prefix = projectId ? project?.settings.promptPrefix?.trim() : undefined;
  return (
    <div className="grid gap-1">
      <ProjectPicker id="studio-project" value={projectId ?? null} onChange={apply} includeShared />
      {prefix && (
        <p className="text-xs text-muted-foreground" data-testid="project-prefix">
          {t("project.prefix", { prefix })}
        </p>
      )}
    </div>
  );
}
