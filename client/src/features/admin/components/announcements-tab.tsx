import { ANNOUNCEMENT_KINDS, type AnnouncementKind } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/i18n";
import { adminAnnouncementsOptions, adminKeys, adminModelsOptions, deleteAnnouncement, postAnnouncement } from "../api/admin";

/** Post news about a model (users who ran it are notified) and withdraw old posts. */
export function AnnouncementsTab() {
  const { t } = useTranslation("admin");
  const qc = useQueryClient();
  const models = useQuery(adminModelsOptions);
  const list = useQuery(adminAnnouncementsOptions);
  const [modelId, setModelId] = useState("");
  const [kind, setKind] = useState<AnnouncementKind>("update");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: adminKeys.announcements() });
    void qc.invalidateQueries({ queryKey: ["models", "announcements"] });
  };
  const post = useMutation({
    mutationFn: () => postAnnouncement({ modelId, kind, title, body }),
    onSuccess: (a) => {
      toast.success(t("announcements.posted", { count: a.notified ?? 0 }));
      setTitle("");
      setBody("");
      refresh();
    },
    onError: (e) => toast.error(e.message),
  });
  const remove = useMutation({ mutationFn: deleteAnnouncement, onSuccess: refresh, onError: (e) => toast.error(e.message) });
  const name = (id: string) => models.data?.find((m) => m.id === id)?.displayName ?? id;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
      <form
        className="grid h-fit gap-3 rounded-xl border border-border bg-card p-4"
        aria-labelledby="an-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (modelId && title.trim()) post.mutate();
        }}
      >
        <h2 id="an-new" className="font-semibold">{t("announcements.new")}</h2>
        <div className="grid gap-1">
          <Label htmlFor="an-model">{t("announcements.model")}</Label>
          <Select value={modelId} onValueChange={setModelId}>
            <SelectTrigger id="an-model"><SelectValue placeholder={t("announcements.chooseModel")} /></SelectTrigger>
            <SelectContent>
              {(models.data ?? []).map((m) => <SelectItem key={m.id} value={m.id}>{m.displayName}</SelectItem>)}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="an-kind">{t("announcements.kind")}</Label>
          <Select value={kind} onValueChange={(v) => setKind(v as AnnouncementKind)}>
            <SelectTrigger id="an-kind"><SelectValue /></SelectTrigger>
            <SelectContent>
              {ANNOUNCEMENT_KINDS.map((k) => <SelectItem key={k} value={k} className="capitalize">{t(`announcements.kinds.${k}`)}</SelectItem>)}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="an-title">{t("announcements.titleLabel")}</Label>
          <Input id="an-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="an-body">{t("announcements.details")}</Label>
          <Textarea id="an-body" value={body} onChange={(e) => setBody(e.target.value)} maxLength={2000} rows={4} />
        </div>
        <Button type="submit" disabled={!modelId || !title.trim() || post.isPending}>{t("announcements.submit")}</Button>
      </form>
      <section aria-labelledby="an-list" className="grid h-fit gap-2">
        <h2 id="an-list" className="font-semibold">{t("announcements.list")}</h2>
        {list.isPending ? (
          <Skeleton className="h-32 rounded-xl" />
        ) : !list.data?.length ? (
          <p className="text-sm text-muted-foreground">{t("announcements.empty")}</p>
        ) : (
          <ul className="grid gap-2">
            {list.data.map((a) => (
              <li key={a.id} className="flex items-start justify-between gap-3 rounded-xl border border-border bg-card px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium">{a.title} <Badge variant="accent" className="ml-1 capitalize">{t(`announcements.kinds.${a.kind}`)}</Badge></p>
                  <p className="text-xs text-muted-foreground">{t("announcements.meta", { model: name(a.modelId), date: formatDateTime(a.createdAt), notified: a.notified ?? 0, author: a.authorEmail })}</p>
                  {a.body && <p className="mt-1 text-sm">{a.body}</p>}
                </div>
                <Button variant="ghost" size="icon" onClick={() => remove.mutate(a.id)} aria-label={t("announcements.delete", { title: a.title })}>
                  <Trash2 aria-hidden="true" />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
