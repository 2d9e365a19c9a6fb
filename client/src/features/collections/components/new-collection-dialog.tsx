import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { collectionKeys, createCollection } from "../api";

/** A hand-curated collection, or a smart one (a saved search plus optional tags) that fills itself. */
export function NewCollectionDialog() {
  const { t } = useTranslation("collections");
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [smart, setSmart] = useState(false);
  const [q, setQ] = useState("");
  const [tags, setTags] = useState("");
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => {
      const tagList = tags
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean);
      const smartFilter = smart
        ? { ...(q.trim() ? { q: q.trim() } : {}), ...(tagList.length ? { tags: tagList } : {}) }
        : undefined;
      return createCollection({ name, description: description || undefined, smartFilter });
    },
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: collectionKeys.all });
      setOpen(false);
      setName("");
      void navigate({ to: "/collections/$collectionId", params: { collectionId: c.id } });
    },
    onError: (e) => toast.error(e.message),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-action="new-collection">
          <Plus /> {t("new.title")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="space-y-4">
          <DialogHeader>
            <DialogTitle>{t("new.title")}</DialogTitle>
            <DialogDescription>{t("new.description")}</DialogDescription>
          </DialogHeader>
          <div className="space-y-2">
            <Label htmlFor="collection-name">{t("new.name")}</Label>
            <Input
              id="collection-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={120}
              autoFocus
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor="collection-description">{t("new.descriptionLabel")}</Label>
            <Textarea
              id="collection-description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={smart} onChange={(e) => setSmart(e.target.checked)} /> {t("new.smart")}
          </label>
          {smart && (
            <div className="grid gap-2 sm:grid-cols-2">
              <div className="space-y-1">
                <Label htmlFor="collection-q">{t("new.searchWords")}</Label>
                <Input id="collection-q" value={q} onChange={(e) => setQ(e.target.value)} />
              </div>
              <div className="space-y-1">
                <Label htmlFor="collection-tags">{t("new.tags")}</Label>
                <Input id="collection-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
              </div>
            </div>
          )}
          <DialogFooter>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              {t("new.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
