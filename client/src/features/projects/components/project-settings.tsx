import type { Project } from "@image-studio/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** The defaults the studio uses while this project is active: model and prompt starters. */
export function ProjectSettingsForm({
  project,
  onSave,
  saving,
}: {
  project: Project;
  onSave: (s: Project["settings"]) => void;
  saving: boolean;
}) {
  const { t } = useTranslation("projects");
  const [modelId, setModelId] = useState(project.settings.defaultModelId ?? "");
  const [starters, setStarters] = useState((project.settings.promptStarters ?? []).join("\n"));
  const [prefix, setPrefix] = useState(project.settings.promptPrefix ?? "");
  return (
    <form
      className="space-y-3 rounded-xl border border-border p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const promptStarters = starters
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean);
        onSave({ ...project.settings, defaultModelId: modelId.trim() || undefined, promptStarters, promptPrefix: prefix.trim() || undefined });
      }}
    >
      <h2 className="font-semibold">{t("settings.title")}</h2>
      <div className="space-y-1">
        <Label htmlFor="project-model">{t("settings.model")}</Label>
        <Input
          id="project-model"
          value={modelId}
          onChange={(e) => setModelId(e.target.value)}
          placeholder={t("settings.modelPlaceholder")}
        />
      </div>
      <div className="space-y-1">
        <Label htmlFor="project-prefix">{t("settings.prefix")}</Label>
        <Input id="project-prefix" value={prefix} maxLength={500} onChange={(e) => setPrefix(e.target.value)} placeholder={t("settings.prefixPlaceholder")} />
        <p className="text-xs text-muted-foreground">{t("settings.prefixHint")}</p>
      </div>
      <div className="space-y-1">
        <Label htmlFor="project-starters">{t("settings.starters")}</Label>
        <Textarea id="project-starters" value={starters} onChange={(e) => setStarters(e.target.value)} />
      </div>
      <Button type="submit" size="sm" loading={saving}>
        {t("settings.save")}
      </Button>
    </form>
  );
}
