import type { Prompt } from "@image-studio/shared";
import { BookText, Plus, SearchX } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { i18n } from "@/i18n";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { promptStatsQuery } from "./api/prompt-insights";
import { CommunityPrompts } from "./components/community-prompts";
import { PromptHistory } from "./components/prompt-history";
import {
  createPrompt,
  deletePrompt,
  refreshPrompts,
  toggleFavorite,
  usePendingPromptIds,
  usePrompts,
} from "./api/prompts-store";
import { DeletePromptDialog } from "./components/delete-prompt-dialog";
import { PromptCard } from "./components/prompt-card";
import { PromptFormDialog } from "./components/prompt-form-dialog";
import { PromptToolbar } from "./components/prompt-toolbar";
import { PromptTransfer } from "./components/prompt-transfer";
import { PromptsSkeleton } from "./components/prompts-skeleton";
import { categoriesOf, EMPTY_FILTER, filterPrompts, isFiltered, type PromptFilter } from "./lib/filter";

/** The form dialog keeps its prompt while closing, so the title does not flip during the exit animation. */
type Editing = { open: boolean; prompt?: Prompt };

const fail = (err: unknown) =>
  toast.error(i18n.t("prompts:page.saveFailed"), { description: err instanceof Error ? err.message : String(err) });

/** The prompt library, read from the device so it works offline; writes go through the sync outbox. */
export function PromptsPage() {
  const { t } = useTranslation("prompts");
  const prompts = usePrompts();
  const pending = usePendingPromptIds();
  const [filter, setFilter] = useState<PromptFilter>(EMPTY_FILTER);
  const [editing, setEditing] = useState<Editing>({ open: false });
  const [deleting, setDeleting] = useState<Prompt | null>(null);
  const [tab, setTab] = useState("mine");
  const stats = useQuery({ ...promptStatsQuery, enabled: tab === "mine" });

  useEffect(() => {
    if (navigator.onLine) void refreshPrompts().catch(() => undefined);
  }, []);

  const all = useMemo(() => prompts ?? [], [prompts]);
  const categories = useMemo(() => categoriesOf(all), [all]);
  const tags = useMemo(() => [...new Set(all.flatMap((p) => p.tags))].sort(), [all]);
  // A category that no longer exists (its last prompt was edited away) stops filtering.
  const effective = useMemo(
    () => (filter.category && !categories.includes(filter.category) ? { ...filter, category: null } : filter),
    [filter, categories],
  );
  const shown = useMemo(() => filterPrompts(all, effective), [all, effective]);

  const confirmDelete = async (p: Prompt) => {
    setDeleting(null);
    try {
      const undo = await deletePrompt(p);
      toast.success(t("page.deleted"), {
        description: p.title,
        action: { label: t("page.undo"), onClick: () => void undo().catch(fail) },
      });
    } catch (err) {
      fail(err);
    }
  };

  const saveFromHistory = async (text: string, negativePrompt: string) => {
    try {
      const title = text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
      await createPrompt({ id: crypto.randomUUID(), title, promptText: text, negativePrompt });
      toast.success(t("page.savedFromHistory"), { description: title });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t("page.title")}
        description={t("page.description")}
        actions={
          <>
            {prompts && <PromptTransfer prompts={all} />}
            <Button onClick={() => setEditing({ open: true })}>
              <Plus aria-hidden="true" /> {t("page.new")}
            </Button>
          </>
        }
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label={t("page.views")}>
          <TabsTrigger value="mine">{t("page.tabs.mine")}</TabsTrigger>
          <TabsTrigger value="history">{t("page.tabs.history")}</TabsTrigger>
          <TabsTrigger value="community">{t("page.tabs.community")}</TabsTrigger>
        </TabsList>
        <TabsContent value="history">
          <PromptHistory onSave={(text, negativePrompt) => void saveFromHistory(text, negativePrompt)} />
        </TabsContent>
        <TabsContent value="community">
          <CommunityPrompts />
        </TabsContent>
        <TabsContent value="mine" className="grid gap-4">
          {!prompts ? (
            <PromptsSkeleton />
          ) : all.length === 0 ? (
            <EmptyState
              icon={BookText}
              title={t("page.empty.title")}
              description={t("page.empty.description")}
              action={
                <Button onClick={() => setEditing({ open: true })}>
                  <Plus aria-hidden="true" /> {t("page.empty.action")}
                </Button>
              }
            />
          ) : (
            <>
              <PromptToolbar filter={effective} onChange={setFilter} categories={categories} />
              <p className="sr-only" aria-live="polite">
                {t("page.shown", { count: shown.length })}
              </p>
              {shown.length === 0 ? (
                <EmptyState
                  icon={SearchX}
                  title={t("page.noMatch.title")}
                  description={
                    isFiltered(effective) ? t("page.noMatch.description") : undefined
                  }
                  action={
                    <Button variant="outline" onClick={() => setFilter({ ...EMPTY_FILTER, sort: filter.sort })}>
                      {t("page.noMatch.clear")}
                    </Button>
                  }
                />
              ) : (
                <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("page.saved")}>
                  {shown.map((p) => (
                    <li key={p.id}>
                      <PromptCard
                        prompt={p}
                        pending={pending.has(p.id)}
                        onEdit={() => setEditing({ open: true, prompt: p })}
                        onDelete={() => setDeleting(p)}
                        onToggleFavorite={() => void toggleFavorite(p).catch(fail)}
                        stats={stats.data?.get(p.id)}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </TabsContent>
      </Tabs>
      <PromptFormDialog
        open={editing.open}
        onOpenChange={(open) => setEditing((e) => ({ ...e, open }))}
        prompt={editing.prompt}
        categories={categories}
        tags={tags}
      />
      <DeletePromptDialog
        prompt={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(p) => void confirmDelete(p)}
      />
    </>
  );
}
