import { ANNOUNCEMENT_KINDS, type AnnouncementKind } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { adminAnnouncementsOptions, adminKeys, adminModelsOptions, deleteAnnouncement, postAnnouncement } from "../api/admin";

/** Post news about a model (users who ran it are notified) and withdraw old posts. */
export function AnnouncementsTab() {
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
      toast.success(`Posted; ${a.notified ?? 0} user(s) notified`);
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
        <h2 id="an-new" className="font-semibold">New announcement</h2>
        <div className="grid gap-1">
          <Label htmlFor="an-model">Model</Label>
          <Select value={modelId} onValueChange={setModelId}>
            <SelectTrigger id="an-model"><SelectValue placeholder="Choose a model" /></SelectTrigger>
            <SelectContent>
              {(models.data ?? []).map((m) => <SelectItem key={m.id} value={m.id}>{m.displayName}</SelectItem>)}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="an-kind">Kind</Label>
          <Select value={kind} onValueChange={(v) => setKind(v as AnnouncementKind)}>
            <SelectTrigger id="an-kind"><SelectValue /></SelectTrigger>
            <SelectContent>
              {ANNOUNCEMENT_KINDS.map((k) => <SelectItem key={k} value={k} className="capitalize">{k}</SelectItem>)}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="an-title">Title</Label>
          <Input id="an-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="an-body">Details</Label>
          <Textarea id="an-body" value={body} onChange={(e) => setBody(e.target.value)} maxLength={2000} rows={4} />
        </div>
        <Button type="submit" disabled={!modelId || !title.trim() || post.isPending}>Post and notify users of the model</Button>
      </form>
      <section aria-labelledby="an-list" className="grid h-fit gap-2">
        <h2 id="an-list" className="font-semibold">Posted</h2>
        {list.isPending ? (
          <Skeleton className="h-32 rounded-xl" />
        ) : !list.data?.length ? (
          <p className="text-sm text-muted-foreground">No announcements yet.</p>
        ) : (
          <ul className="grid gap-2">
            {list.data.map((a) => (
              <li key={a.id} className="flex items-start justify-between gap-3 rounded-xl border border-border bg-card px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium">{a.title} <Badge variant="accent" className="ml-1 capitalize">{a.kind}</Badge></p>
                  <p className="text-xs text-muted-foreground">{name(a.modelId)} · {new Date(a.createdAt).toLocaleString()} · {a.notified ?? 0} notified · {a.authorEmail}</p>
                  {a.body && <p className="mt-1 text-sm">{a.body}</p>}
                </div>
                <Button variant="ghost" size="icon" onClick={() => remove.mutate(a.id)} aria-label={`Delete announcement “${a.title}”`}>
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
