import type { Prompt, PromptStats } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { CloudUpload, Globe, Pencil, Sparkles, Star, Trash2, Variable } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { keepRateLabel } from "../api/prompt-insights";

interface PromptCardProps {
  prompt: Prompt;
  pending: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onToggleFavorite: () => void;
  /** Uses and keep-rate from the server (absent offline or before it loads). */
  stats?: PromptStats;
}

/** One saved prompt: text, negative prompt, category, tags, favourite, usage and its actions. */
export function PromptCard({ prompt: p, pending, onEdit, onDelete, onToggleFavorite, stats }: PromptCardProps) {
  const { t } = useTranslation("prompts");
  const titleId = useId();
  return (
    <article
      aria-labelledby={titleId}
      data-testid="prompt-card"
      className="flex h-full flex-col gap-3 rounded-xl border border-border bg-card p-4 text-card-foreground shadow-xs"
    >
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1 space-y-1.5">
          <h2 id={titleId} className="line-clamp-2 font-semibold break-words">
            {p.title}
          </h2>
          {(p.category || pending || p.isTemplate || p.isPublic) && (
            <div className="flex flex-wrap gap-1.5">
              {p.category && <Badge variant="accent">{p.category}</Badge>}
              {p.isTemplate && (
                <Badge variant="primary" title={Object.keys(p.variables).length ? t("card.variables", { list: Object.keys(p.variables).join(", ") }) : undefined}>
                  <Variable aria-hidden="true" /> {t("card.template")}
                </Badge>
              )}
              {p.isPublic && (
                <Badge variant="success">
                  <Globe aria-hidden="true" /> {t("card.shared")}
                </Badge>
              )}
              {pending && (
                <Badge
                  variant="warning"
                  title={t("card.pendingHint")}
                >
                  <CloudUpload aria-hidden="true" /> {t("card.pending")}
                </Badge>
              )}
            </div>
          )}
        </div>
        <Button
          variant="ghost"
          size="icon"
          aria-pressed={p.isFavorite}
          aria-label={t("card.favorite", { title: p.title })}
          onClick={onToggleFavorite}
          className="-mt-1 -mr-2"
        >
          <Star
            className={cn("size-5", p.isFavorite ? "fill-warning text-warning-strong" : "text-muted-foreground")}
            aria-hidden="true"
          />
        </Button>
      </header>
      <p className="line-clamp-4 text-sm break-words whitespace-pre-wrap">{p.promptText}</p>
      {p.negativePrompt && (
        <p className="line-clamp-2 text-xs break-words text-muted-foreground">
          <span className="font-medium text-foreground">{t("card.negative")}</span>
          {p.negativePrompt}
        </p>
      )}
      {p.tags.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={t("card.tags")}>
          {p.tags.map((tag) => (
            <li key={tag} className="rounded-md bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      <footer className="mt-auto flex flex-wrap items-center gap-2 border-t border-border pt-3">
        <span className="mr-auto text-xs text-muted-foreground">
          {p.usageCount === 0 ? t("usage.none") : p.usageCount === 1 ? t("usage.once") : t("usage.used", { count: p.usageCount })}
          {stats && stats.images > 0 && <> · {keepRateLabel(stats)}</>}
        </span>
        <Button variant="ghost" size="icon" aria-label={t("card.edit", { title: p.title })} onClick={onEdit}>
          <Pencil aria-hidden="true" />
        </Button>
        <Button variant="ghost" size="icon" aria-label={t("card.delete", { title: p.title })} onClick={onDelete}>
          <Trash2 aria-hidden="true" />
        </Button>
        <Button asChild size="sm" variant="secondary">
          <Link
            to="/studio"
            search={{ prompt: p.promptText, negativePrompt: p.negativePrompt || undefined, promptId: p.id }}
            data-testid="use-in-studio"
          >
            <Sparkles aria-hidden="true" /> {t("card.use")}<span className="sr-only">{t("card.useSr", { title: p.title })}</span>
          </Link>
        </Button>
      </footer>
    </article>
  );
}
