import {
  appendModifier,
  type HistoryEntry,
  MODIFIER_CATEGORIES,
  type ModifierCategory,
  modifiersFor,
  promptVariations,
  refinementSuggestions,
  suggestFromHistory,
} from "@image-studio/shared";
import { History, Lightbulb, Shuffle, Sparkles } from "lucide-react";
import * as React from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { useLive } from "@/lib/use-offline";
import { db } from "@/offline";
import type { ModelEntry } from "../api/models";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import type { StudioValues } from "../lib/form";
import { useTranslation } from "react-i18next";
import { modifierCategoryLabel, modifierLabel } from "@/i18n/labels";

type Panel = "add" | "variations" | "refine" | null;

/**
 * Tools under the prompt: quick-add modifiers (model-aware), suggestions from the user's own library and history
 * as they type, rule-based variations and "try next" refinements. Everything runs on the device (works offline)
 * and is deterministic — no external service.
 */
export function PromptTools({ model, hasResults }: { model: ModelEntry; hasResults: boolean }) {
  const { t } = useTranslation("studio");
  const { setValue, getValues } = useFormContext<StudioValues>();
  const prompt = useWatch<StudioValues, "prompt">({ name: "prompt" });
  const negative = useWatch<StudioValues, "negativePrompt">({ name: "negativePrompt" });
  const [panel, setPanel] = React.useState<Panel>(null);
  const typed = useDebouncedValue(prompt, 200);
  const suggestions = usePromptSuggestions(typed);
  const [dismissed, setDismissed] = React.useState<string | null>(null);

  const setPrompt = (v: string) => setValue("prompt", v, { shouldDirty: true, shouldValidate: true });
  const toggle = (p: Exclude<Panel, null>) => setPanel((cur) => (cur === p ? null : p));

  return (
    <div className="grid gap-2">
      {suggestions.length > 0 && dismissed !== typed && (
        <div className="grid gap-1 rounded-lg border border-border bg-muted/40 p-2">
          <div className="flex items-center justify-between gap-2">
            <p id="prompt-suggestions-label" className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
              <History className="size-3.5" aria-hidden="true" /> {t("tools.fromHistory")}
            </p>
            <Button type="button" variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setDismissed(typed)}>
              {t("tools.hide")}
            </Button>
          </div>
          <ul aria-labelledby="prompt-suggestions-label" className="grid gap-0.5">
            {suggestions.map((s) => (
              <li key={s.text}>
                <button
                  type="button"
                  className="w-full truncate rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent/10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  onClick={() => {
                    setPrompt(s.text);
                    setDismissed(s.text);
                  }}
                >
                  {s.text}
                  <span className="ml-2 text-xs text-muted-foreground">
                    {s.source === "library" ? t("tools.saved") : t("tools.used", { uses: s.uses })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("tools.label")}>
        <ToolButton icon={Sparkles} pressed={panel === "add"} onClick={() => toggle("add")} controls="prompt-tools-add">
          {t("tools.quickAdd")}
        </ToolButton>
        <ToolButton icon={Shuffle} pressed={panel === "variations"} onClick={() => toggle("variations")} controls="prompt-tools-variations" disabled={!prompt.trim()}>
          {t("tools.variations")}
        </ToolButton>
        <ToolButton icon={Lightbulb} pressed={panel === "refine"} onClick={() => toggle("refine")} controls="prompt-tools-refine" disabled={!prompt.trim()}>
          {hasResults ? t("tools.tryNext") : t("tools.tips")}
        </ToolButton>
      </div>
      {panel === "add" && (
        <QuickAdd
          model={model}
          prompt={prompt}
          negative={negative}
          onPrompt={setPrompt}
          onNegative={(v) => setValue("negativePrompt", v, { shouldDirty: true, shouldValidate: true })}
        />
      )}
      {panel === "variations" && <Variations prompt={prompt} model={model} onUse={setPrompt} />}
      {panel === "refine" && (
        <Refinements
          input={{ prompt, negativePrompt: negative, parameters: getValues("params") as Record<string, unknown>, model }}
          onApply={(s) => {
            if (s.append) setPrompt(appendModifier(getValues("prompt"), s.append));
            if (s.appendNegative) setValue("negativePrompt", appendModifier(getValues("negativePrompt"), s.appendNegative), { shouldDirty: true });
            for (const [k, v] of Object.entries(s.parameters ?? {})) setValue(`params.${k}`, v, { shouldDirty: true });
          }}
        />
      )}
    </div>
  );
}

function ToolButton({
  icon: Icon,
  pressed,
  controls,
  children,
  ...props
}: { icon: typeof Sparkles; pressed: boolean; controls: string } & Omit<React.ComponentProps<typeof Button>, "variant" | "size">) {
  return (
    <Button type="button" variant={pressed ? "secondary" : "outline"} size="sm" aria-expanded={pressed} aria-controls={controls} className="h-8 gap-1.5 rounded-full px-3 text-xs" {...props}>
      <Icon className="size-3.5" aria-hidden="true" />
      {children}
    </Button>
  );
}

function QuickAdd({
  model,
  prompt,
  negative,
  onPrompt,
  onNegative,
}: {
  model: ModelEntry;
  prompt: string;
  negative: string;
  onPrompt: (v: string) => void;
  onNegative: (v: string) => void;
}) {
  const { t } = useTranslation("studio");
  const [query, setQuery] = React.useState("");
  const all = React.useMemo(() => modifiersFor(model, query, (m) => modifierLabel(t, m)), [model, query, t]);
  const categories = MODIFIER_CATEGORIES.filter((c) => all.some((m) => m.category === c.id));
  const [category, setCategory] = React.useState<ModifierCategory>("style");
  const active = categories.some((c) => c.id === category) ? category : (categories[0]?.id ?? "style");
  const shown = query ? all : all.filter((m) => m.category === active);
  const lowerPrompt = prompt.toLowerCase();
  const lowerNegative = negative.toLowerCase();
  return (
    <div id="prompt-tools-add" className="grid gap-2 rounded-lg border border-border p-2">
      <Input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("tools.searchPlaceholder")} aria-label={t("tools.search")} className="h-8 text-sm" />
      {!query && (
        <div className="flex flex-wrap gap-1" role="group" aria-label={t("tools.categories")}>
          {categories.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-pressed={active === c.id}
              onClick={() => setCategory(c.id)}
              className={cn(
                "rounded-md px-2 py-1 text-xs font-medium transition-colors duration-200 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                active === c.id ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-muted",
              )}
            >
              {modifierCategoryLabel(t, c.id)}
            </button>
          ))}
        </div>
      )}
      <ul className="flex flex-wrap gap-1.5" aria-label={t("tools.modifiers")}>
        {shown.map((m) => {
          const isNegative = m.category === "negative";
          const used = (isNegative ? lowerNegative : lowerPrompt).includes(m.text.toLowerCase());
          return (
            <li key={m.id}>
              <button
                type="button"
                aria-pressed={used}
                title={isNegative ? t("tools.addsNegative", { text: m.text }) : t("tools.adds", { text: m.text })}
                onClick={() => (isNegative ? onNegative(appendModifier(negative, m.text)) : onPrompt(appendModifier(prompt, m.text)))}
                disabled={used}
                className={cn(
                  "rounded-full border px-2.5 py-1 text-xs transition-colors duration-200 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  used ? "border-primary/40 bg-primary/10 text-primary-strong" : "border-border hover:border-primary/50 hover:bg-primary/5",
                )}
              >
                {isNegative ? "− " : "+ "}
                {modifierLabel(t, m)}
              </button>
            </li>
          );
        })}
        {shown.length === 0 && <li className="text-xs text-muted-foreground">{t("tools.noMatch", { query, model: model.displayName })}</li>}
      </ul>
    </div>
  );
}

function Variations({ prompt, model, onUse }: { prompt: string; model: ModelEntry; onUse: (v: string) => void }) {
  const { t } = useTranslation("studio");
  const [seed, setSeed] = React.useState(0);
  const list = React.useMemo(() => promptVariations(prompt, { count: 4, seed, modelCategory: model.category }), [prompt, seed, model.category]);
  return (
    <div id="prompt-tools-variations" className="grid gap-2 rounded-lg border border-border p-2">
      <ul className="grid gap-1.5" aria-label={t("tools.rephrasings")}>
        {list.map((v) => (
          <li key={v.prompt} className="flex items-start gap-2 rounded-md bg-muted/40 p-2">
            <p className="min-w-0 flex-1 text-sm">
              {v.prompt}
              <span className="ml-2 text-xs text-muted-foreground">({v.change})</span>
            </p>
            <Button type="button" size="sm" variant="outline" className="h-7 shrink-0 px-2 text-xs" onClick={() => onUse(v.prompt)} aria-label={t("tools.useRephrasing", { n: list.indexOf(v) + 1 })}>
              {t("tools.use")}
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" variant="ghost" size="sm" className="justify-self-start text-xs" onClick={() => setSeed((s) => s + 1)}>
        <Shuffle className="size-3.5" aria-hidden="true" /> {t("tools.more")}
      </Button>
    </div>
  );
}

function Refinements({
  input,
  onApply,
}: {
  input: Parameters<typeof refinementSuggestions>[0];
  onApply: (s: ReturnType<typeof refinementSuggestions>[number]) => void;
}) {
  const { t } = useTranslation("studio");
  const list = refinementSuggestions(input, 5);
  return (
    <div id="prompt-tools-refine" className="grid gap-1.5 rounded-lg border border-border p-2">
      {list.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("tools.complete")}</p>
      ) : (
        <ul className="grid gap-1.5" aria-label={t("tools.suggestions")}>
          {list.map((s) => (
            <li key={s.id} className="flex items-start gap-2 rounded-md bg-muted/40 p-2">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">{s.title}</p>
                <p className="text-xs text-muted-foreground">{s.detail}</p>
              </div>
              {(s.append || s.appendNegative || s.parameters) && (
                <Button type="button" size="sm" variant="outline" className="h-7 shrink-0 px-2 text-xs" onClick={() => onApply(s)} aria-label={t("tools.applyTitle", { title: s.title })}>
                  {t("tools.apply")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Suggestion = HistoryEntry & { source: "library" | "history" };

/** The user's saved prompts and past generations on this device, matched against what they type. */
function usePromptSuggestions(typed: string): Suggestion[] {
  const entries = useLive<Suggestion[]>(
    async () => {
      const [prompts, jobs] = await Promise.all([db().prompts.toArray(), db().jobs.orderBy("createdAt").reverse().limit(500).toArray()]);
      const byText = new Map<string, Suggestion>();
      for (const j of jobs) {
        if (!j.prompt) continue;
        const cur = byText.get(j.prompt);
        if (cur) cur.uses += 1;
        else byText.set(j.prompt, { text: j.prompt, uses: 1, lastUsedAt: j.createdAt, source: "history" });
      }
      for (const p of prompts)
        byText.set(p.promptText, { text: p.promptText, uses: p.usageCount + (byText.get(p.promptText)?.uses ?? 0), lastUsedAt: p.lastUsedAt ?? p.updatedAt, source: "library", id: p.id });
      return [...byText.values()];
    },
    [],
    [],
  );
  return React.useMemo(() => suggestFromHistory(typed, entries, { limit: 5 }), [typed, entries]);
}
