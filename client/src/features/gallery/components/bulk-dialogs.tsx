import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { facetsOptions } from "../api/queries";
import { TagInput } from "./tag-input";

interface DialogBase {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
}

const NONE = "__none";

export function MoveDialog({ open, onOpenChange, count, onMove }: DialogBase & { onMove: (projectId: string | null, name?: string) => void }) {
  const { t } = useTranslation("gallery");
  const { data } = useQuery({ ...facetsOptions(), enabled: open });
  const [value, setValue] = useState<string>(NONE);
  const projects = data?.projects ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onMove(value === NONE ? null : value, projects.find((p) => p.id === value)?.name);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("dialogs.moveTitle", { count })}</DialogTitle>
            <DialogDescription>{t("dialogs.moveDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="move-project">{t("dialogs.project")}</Label>
            <Select value={value} onValueChange={setValue}>
              <SelectTrigger id="move-project">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NONE}>{t("dialogs.noProject")}</SelectItem>
                {projects.map((p) => (
                  <SelectItem key={p.id} value={p.id}>
                    {p.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            {!projects.length && <p className="text-xs text-muted-foreground">{t("dialogs.noProjects")}</p>}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("dialogs.cancel")}
            </Button>
            <Button type="submit">{t("dialogs.move")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function TagDialog({ open, onOpenChange, count, existing, onTag }: DialogBase & { existing: string[]; onTag: (add: string[], remove: string[]) => void }) {
  const { t } = useTranslation("gallery");
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (add.length || remove.length) onTag(add, remove);
    setAdd([]);
    setRemove([]);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("dialogs.tagTitle", { count })}</DialogTitle>
            <DialogDescription>{t("dialogs.tagDescription")}</DialogDescription>
          </DialogHeader>
          <TagInput id="bulk-add-tags" label={t("dialogs.addTags")} value={add} onChange={setAdd} />
          {existing.length > 0 && (
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t("dialogs.removeTags")}</legend>
              <div className="flex flex-wrap gap-1.5">
                {existing.map((tag) => {
                  const on = remove.includes(tag);
                  return (
                    <button
                      key={tag}
                      type="button"
                      aria-pressed={on}
                      onClick={() => setRemove(on ? remove.filter((x) => x !== tag) : [...remove, tag])}
                      className={on ? "rounded-md border border-destructive bg-destructive/15 px-2 py-0.5 text-xs text-destructive-strong line-through" : "rounded-md border border-border px-2 py-0.5 text-xs hover:bg-muted"}
                    >
                      {tag}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("dialogs.cancel")}
            </Button>
            <Button type="submit" disabled={!add.length && !remove.length}>
              {t("dialogs.saveTags")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirm,
  onConfirm,
}: Omit<DialogBase, "count"> & { title: string; description: string; confirm: string; onConfirm: () => void }) {
  const { t } = useTranslation("gallery");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            {t("dialogs.cancel")}
          </Button>
          <Button
            variant="destructive"
            onClick={() => {
              onConfirm();
              onOpenChange(false);
            }}
          >
            {confirm}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
