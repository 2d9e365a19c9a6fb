import type { ImageComment } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { MentionText, MentionTextarea } from "@/components/people/mention-textarea";
import { ApiError } from "@/lib/api";
import { projectPeopleOptions } from "../../api/people";
import { commentsOptions, imageDetailOptions, imageKeys } from "../../api/queries";
import { addComment, deleteComment, editComment } from "../../api/requests";
import { timeAgo } from "../format";

function useCommentMutations(imageId: string) {
  const { t } = useTranslation("gallery");
  const qc = useQueryClient();
  const key = imageKeys.comments(imageId);
  const fail = (title: string) => (err: Error) => toast.error(title, { description: err instanceof ApiError ? err.message : t("errors.tryAgain") });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  return {
    add: useMutation({ mutationFn: (text: string) => addComment(imageId, text), onSuccess: refresh, onError: fail(t("comments.postFailed")) }),
    edit: useMutation({ mutationFn: (v: { id: string; text: string }) => editComment(imageId, v.id, v.text), onSuccess: refresh, onError: fail(t("comments.saveFailed")) }),
    remove: useMutation({
      mutationFn: (id: string) => deleteComment(imageId, id),
      onMutate: (id) => qc.setQueryData<ImageComment[]>(key, (list) => list?.filter((c) => c.id !== id)),
      onSettled: refresh,
      onError: fail(t("comments.deleteFailed")),
    }),
  };
}

function CommentItem({ c, m, names }: { c: ImageComment; m: ReturnType<typeof useCommentMutations>; names: string[] }) {
  const { t } = useTranslation("gallery");
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.text);
  return (
    <li className="rounded-lg border border-border p-3">
      <div className="mb-1 flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>
          <span className="font-medium text-foreground">{c.authorName}</span> · {timeAgo(c.createdAt)}
          {c.updatedAt !== c.createdAt && t("comments.edited")}
        </span>
        {c.isOwn && !editing && (
          <span className="flex gap-1">
            <Button variant="ghost" size="icon" className="size-7" aria-label={t("comments.edit")} onClick={() => setEditing(true)}>
              <Pencil className="size-3.5" aria-hidden="true" />
            </Button>
            <Button variant="ghost" size="icon" className="size-7" aria-label={t("comments.delete")} onClick={() => m.remove.mutate(c.id)}>
              <Trash2 className="size-3.5" aria-hidden="true" />
            </Button>
          </span>
        )}
      </div>
      {editing ? (
        <form
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            m.edit.mutate({ id: c.id, text }, { onSuccess: () => setEditing(false) });
          }}
        >
          <Textarea aria-label={t("comments.edit")} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" size="sm" onClick={() => (setEditing(false), setText(c.text))}>
              {t("comments.cancel")}
            </Button>
            <Button type="submit" size="sm" loading={m.edit.isPending} disabled={!text.trim()}>
              {t("comments.save")}
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-sm whitespace-pre-wrap">
          <MentionText text={c.text} names={names} />
        </p>
      )}
    </li>
  );
}

/** Comments on an image: read, add, and edit or delete your own. */
export function CommentsPanel({ imageId }: { imageId: string }) {
  const { t } = useTranslation("gallery");
  const { data, isPending } = useQuery(commentsOptions(imageId));
  const { data: image } = useQuery(imageDetailOptions(imageId));
  // On a project shared with a team, "@" offers everyone who sees it (and a mention notifies them).
  const { data: access } = useQuery(projectPeopleOptions(image?.projectId));
  const people = (access?.people ?? []).filter((p) => !p.isMe).map((p) => ({ ...p, hint: p.role }));
  const names = (access?.people ?? []).map((p) => p.name);
  const m = useCommentMutations(imageId);
  const [text, setText] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) m.add.mutate(text.trim(), { onSuccess: () => setText("") });
  };
  return (
    <section aria-labelledby="comments-title" className="flex flex-col gap-3">
      <h2 id="comments-title" className="text-base font-semibold">
        {t("comments.title")} {data?.length ? <span className="text-muted-foreground">({data.length})</span> : null}
      </h2>
      {isPending ? <p className="text-sm text-muted-foreground">{t("comments.loading")}</p> : null}
      {data && data.length === 0 && <p className="text-sm text-muted-foreground">{t("comments.empty")}</p>}
      <ul className="flex flex-col gap-2">{data?.map((c) => <CommentItem key={c.id} c={c} m={m} names={names} />)}</ul>
      <form onSubmit={submit} className="grid gap-2">
        <MentionTextarea
          aria-label={t("comments.add")}
          placeholder={people.length ? t("comments.placeholderMention") : t("comments.placeholder")}
          value={text}
          onChange={setText}
          people={people}
          rows={2}
        />
        <Button type="submit" size="sm" className="justify-self-end" loading={m.add.isPending} disabled={!text.trim()}>
          {t("comments.submit")}
        </Button>
      </form>
    </section>
  );
}
