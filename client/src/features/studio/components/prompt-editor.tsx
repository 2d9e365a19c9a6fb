import { formatWeight, parsePrompt, type PromptToken, promptStrength, setWeight } from "@image-studio/shared";
import { Gauge, TriangleAlert } from "lucide-react";
import * as React from "react";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { translateMessage } from "@/i18n/zod-resolver";
import { Trans, useTranslation } from "react-i18next";

interface PromptEditorProps extends Omit<React.ComponentProps<"textarea">, "value" | "onChange"> {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  /** Show the prompt-strength hint and syntax warnings under the editor. */
  showStrength?: boolean;
  hintId?: string;
}

/** Tint for a run of text by its weight: violet for emphasis, pink for reduction, stronger with distance from 1. */
function tokenClass(t: PromptToken): string | undefined {
  if (t.kind === "syntax") return t.weight === 1 ? undefined : "rounded-sm bg-muted";
  if (t.weight === 1) return undefined;
  if (t.weight > 1) return cn("rounded-sm", t.weight >= 1.3 ? "bg-primary/30" : "bg-primary/15");
  return cn("rounded-sm", t.weight <= 0.75 ? "bg-accent/25" : "bg-accent/12");
}

/**
 * A textarea that grows with its text, with `(word:1.2)` / `((word))` / `[word]` weighting highlighted by a
 * mirror layer behind the (transparent) textarea. The textarea keeps its own text colour, so contrast and
 * selection are the browser's; the highlight only tints the background. Ctrl/Cmd + ↑/↓ re-weights a selection.
 */
export function PromptEditor({ value, onChange, maxLength, showStrength = true, hintId, className, onKeyDown, ...props }: PromptEditorProps) {
  const { t } = useTranslation("studio");
  const parsed = React.useMemo(() => parsePrompt(value), [value]);
  const mirror = React.useRef<HTMLDivElement>(null);
  const syncScroll = (e: React.UIEvent<HTMLTextAreaElement>) => {
    if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
  };

  const reweight = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey) || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return false;
    const el = e.currentTarget;
    const { selectionStart: s, selectionEnd: end } = el;
    if (s === end) return false;
    e.preventDefault();
    const selected = value.slice(s, end);
    const current = /:\s*([+-]?\d*\.?\d+)\s*\)$/.exec(selected)?.[1];
    const w = (current ? Number(current) : selected.startsWith("(") ? 1.1 : 1) + (e.key === "ArrowUp" ? 0.1 : -0.1);
    const replaced = setWeight(selected, Math.max(0.1, Math.min(2, w)));
    onChange(value.slice(0, s) + replaced + value.slice(end));
    requestAnimationFrame(() => el.setSelectionRange(s, s + replaced.length));
    return true;
  };

  const metrics = "px-3 py-2 text-base md:text-sm [scrollbar-gutter:stable] break-words whitespace-pre-wrap";
  return (
    <div className="grid gap-1.5">
      <div className="relative rounded-lg bg-background">
        <div ref={mirror} aria-hidden="true" className={cn("pointer-events-none absolute inset-0 overflow-hidden border border-transparent text-transparent", metrics)}>
          {parsed.tokens.map((tok) => (
            <span key={tok.start} className={tokenClass(tok)}>
              {tok.text}
            </span>
          ))}
          {"\n"}
        </div>
        <Textarea
          {...props}
          value={value}
          autoResize
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncScroll}
          onKeyDown={(e) => {
            if (!reweight(e)) onKeyDown?.(e);
          }}
          className={cn("relative max-h-72 min-h-24 bg-transparent", metrics, className)}
        />
      </div>
      <div className="flex items-start justify-between gap-3 text-xs text-muted-foreground">
        <div id={hintId} className="min-w-0">
          {showStrength && <StrengthHint parsed={parsed} />}
        </div>
        <span className="shrink-0 font-mono tabular-nums" aria-label={t("prompt.count", { length: value.length, max: maxLength })}>
          {value.length}/{maxLength}
        </span>
      </div>
    </div>
  );
}

function StrengthHint({ parsed }: { parsed: ReturnType<typeof parsePrompt> }) {
  const { t } = useTranslation("studio");
  const strength = promptStrength(parsed);
  const syntaxIssues = parsed.issues.filter((i) => i.kind !== "extreme-weight");
  return (
    <div className="grid gap-1" aria-live="polite">
      <p className="flex items-start gap-1.5">
        <Gauge className={cn("mt-0.5 size-3.5 shrink-0", strength.level === "extreme" ? "text-warning-strong" : "text-primary-strong")} aria-hidden="true" />
        <span>
          <span className="sr-only">{t("prompt.strength")}</span>
          {strength.level === "plain" ? (
            <Trans t={t} i18nKey="prompt.plain" components={{ code: <code className="font-mono" /> }} />
          ) : (
            <StrengthSummary strength={strength} />
          )}
        </span>
      </p>
      {strength.top.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={t("prompt.weighted")}>
          {strength.top.slice(0, 6).map((term) => (
            <li
              key={term.text}
              className={cn(
                "inline-flex max-w-48 items-center gap-1 rounded-md border px-1.5 py-0.5",
                term.weight > 1 ? "border-primary/30 bg-primary/10 text-primary-strong" : "border-accent/30 bg-accent/10 text-accent-strong",
              )}
            >
              <span className="truncate">{term.text}</span>
              <span className="font-mono">{formatWeight(term.weight)}</span>
            </li>
          ))}
        </ul>
      )}
      {syntaxIssues.slice(0, 2).map((i) => (
        <p key={`${i.kind}-${i.start}`} className="flex items-start gap-1.5 text-warning-strong">
          <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          {translateMessage(i.message)}
        </p>
      ))}
    </div>
  );
}

/** "2 weighted terms. Strongest emphasis: “castle” 1.4×." in the app's language (the shared summary is English). */
function StrengthSummary({ strength }: { strength: ReturnType<typeof promptStrength> }) {
  const { t } = useTranslation("studio");
  const lead = strength.top[0];
  if (!lead) return null;
  const extreme = strength.level === "extreme";
  const vars = { term: lead.text, weight: formatWeight(lead.weight) };
  const which = lead.weight >= 1 ? (extreme ? t("prompt.emphasisExtreme", vars) : t("prompt.emphasis", vars)) : extreme ? t("prompt.reductionExtreme", vars) : t("prompt.reduction", vars);
  return (
    <>
      {t("prompt.terms", { count: strength.top.length })} {which}
    </>
  );
}
