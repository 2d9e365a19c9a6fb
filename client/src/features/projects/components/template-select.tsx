import { BUILTIN_PROJECT_TEMPLATES, findBuiltinTemplate, findModel, type Project } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import { Label } from "@/components/ui/label";
import { i18n } from "@/i18n";

/** What the dialog says about the chosen template: its description, default model and prompt starters. */
export function templateSummary(templateId: string, own: Project[] | undefined): string | null {
  const builtin = findBuiltinTemplate(templateId);
  const settings = builtin?.settings ?? own?.find((t) => t.id === templateId)?.settings;
  if (!settings) return null;
  const model = settings.defaultModelId ? (findModel(settings.defaultModelId)?.displayName ?? settings.defaultModelId) : null;
  const starters = settings.promptStarters?.length ?? 0;
  return [
    builtin?.description,
    model && i18n.t("projects:template.defaultModel", { model }),
    starters ? i18n.t("projects:template.starters", { count: starters }) : null,
  ]
    .filter(Boolean)
    .join(" ");
}

/** Ready-made templates (the same for everyone) and the user's own, in one native select. */
export function TemplateSelect({
  value,
  onChange,
  own,
}: {
  value: string;
  onChange: (id: string) => void;
  own: Project[] | undefined;
}) {
  const { t } = useTranslation("projects");
  const summary = value ? templateSummary(value, own) : null;
  return (
    <div className="space-y-2">
      <Label htmlFor="project-template">{t("template.label")}</Label>
      <select
        id="project-template"
        aria-describedby={summary ? "project-template-summary" : undefined}
        className="h-9 w-full rounded-lg border border-border bg-background px-2 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t("template.none")}</option>
        <optgroup label={t("template.readyMade")}>
          {BUILTIN_PROJECT_TEMPLATES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </optgroup>
        {(own?.length ?? 0) > 0 && (
          <optgroup label={t("template.yours")}>
            {own?.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {summary && (
        <p id="project-template-summary" className="text-xs text-muted-foreground">
          {summary}
        </p>
      )}
    </div>
  );
}
