import type { Prompt } from "@image-studio/shared";
import { LayoutTemplate } from "lucide-react";
import * as React from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldClasses, Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { useLive } from "@/lib/use-offline";
import { db } from "@/offline";
import type { StudioValues } from "../lib/form";
import { fillTemplate, templateFields } from "../lib/template-fill";
import { useTranslation } from "react-i18next";

/**
 * Fill a saved template (prompt library, `isTemplate`): pick it, give each {variable} a value (its saved values
 * offered, free text allowed), choose each {a|b} option, and the prompt is written — with `promptId`, so the library
 * counts the use. Reads the library on this device: works offline.
 */
export function TemplateFill() {
  const { t } = useTranslation("studio");
  const templates = useLive<Prompt[]>(async () => (await db().prompts.toArray()).filter((p) => p.isTemplate).sort((a, b) => a.title.localeCompare(b.title)), [], []);
  const { setValue } = useFormContext<StudioValues>();
  const [open, setOpen] = React.useState(false);
  const [chosenId, setChosenId] = React.useState("");
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [picked, setPicked] = React.useState<Record<number, number>>({});
  const [missing, setMissing] = React.useState<string[]>([]);
  const chosen = templates.find((x) => x.id === chosenId);
  const fields = React.useMemo(() => (chosen ? templateFields(chosen.promptText, chosen.variables) : null), [chosen]);

  if (templates.length === 0) return null;
  const choose = (id: string) => {
    setChosenId(id);
    const tpl = templates.find((x) => x.id === id);
    const f = tpl ? templateFields(tpl.promptText, tpl.variables) : null;
    setValues(Object.fromEntries((f?.variables ?? []).map((v) => [v.name, v.values[0] ?? ""])));
    setPicked({});
    setMissing([]);
  };
  const fill = () => {
    if (!fields || !chosen) return;
    const out = fillTemplate(fields, values, picked);
    if (!out.ok) return setMissing(out.missing);
    setMissing([]);
    setValue("prompt", out.prompt, { shouldDirty: true, shouldValidate: true });
    if (chosen.negativePrompt) setValue("negativePrompt", chosen.negativePrompt, { shouldDirty: true });
    setValue("promptId", chosen.id, { shouldDirty: true });
  };

  return (
    <div className="grid gap-2">
      <Button type="button" variant="outline" size="sm" className="justify-self-start" aria-expanded={open} aria-controls="template-fill" onClick={() => setOpen((o) => !o)}>
        <LayoutTemplate aria-hidden="true" /> {t("template.open")}
      </Button>
      {open && (
        <div id="template-fill" role="group" aria-label={t("template.open")} className="grid gap-3 rounded-xl border border-border bg-muted/30 p-3">
          <label className="grid gap-1 text-sm font-medium">
            {t("template.template")}
            <select className={cn(fieldClasses, "h-9")} value={chosenId} onChange={(e) => choose(e.target.value)}>
              <option value="">{t("template.choose")}</option>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.title}
                </option>
              ))}
            </select>
          </label>
          {chosen && !fields && <p role="alert" className="text-sm text-destructive-strong">{t("template.syntax")}</p>}
          {chosen && fields && (
            <div className="grid gap-3" role="group" aria-label={t("template.valuesFor", { title: chosen.title })}>
              <p className="text-xs break-words text-muted-foreground">{chosen.promptText}</p>
              {fields.variables.map((v) => (
                <label key={v.name} className="grid gap-1 text-sm font-medium">
                  {v.name}
                  <Input
                    list={v.values.length ? `tpl-${v.name}` : undefined}
                    value={values[v.name] ?? ""}
                    aria-invalid={missing.includes(v.name) || undefined}
                    onChange={(e) => setValues((s) => ({ ...s, [v.name]: e.target.value }))}
                    placeholder={v.values.length ? t("template.example", { values: v.values.slice(0, 3).join(", ") }) : t("template.typeValue")}
                  />
                  {v.values.length > 0 && (
                    <datalist id={`tpl-${v.name}`}>
                      {v.values.map((x) => (
                        <option key={x} value={x} />
                      ))}
                    </datalist>
                  )}
                </label>
              ))}
              {fields.choices.map((c, i) => (
                <label key={c.part} className="grid gap-1 text-sm font-medium">
                  {t("template.option", { n: i + 1 })}
                  <select className={cn(fieldClasses, "h-9")} value={picked[c.part] ?? 0} onChange={(e) => setPicked((s) => ({ ...s, [c.part]: Number(e.target.value) }))}>
                    {c.options.map((o, k) => (
                      <option key={`${k}-${o}`} value={k}>
                        {o || t("template.nothing")}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              {missing.length > 0 && (
                <p role="alert" className="text-sm text-destructive-strong">
                  {t("template.missing", { names: missing.join(", ") })}
                </p>
              )}
              <Button type="button" size="sm" className="justify-self-start" onClick={fill}>
                {t("template.use")}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
