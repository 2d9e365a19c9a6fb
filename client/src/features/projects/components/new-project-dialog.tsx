import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { createProject, projectKeys, projectListOptions } from "../api";
import { TemplateSelect } from "./template-select";

/** Name, description and an optional template to start from (ready-made or the user's own: defaults and starters). */
export function NewProjectDialog() {
  const { t } = useTranslation("projects");
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [templateId, setTemplateId] = useState("");
  const templates = useQuery({ ...projectListOptions({ templates: "true" }), enabled: open });
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      createProject({ name, description: description || undefined, templateId: templateId || undefined }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      setOpen(false);
      setName("");
      setDescription("");
      setTemplateId("");
      void navigate({ to: "/projects/$projectId", params: { projectId: p.id } });
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
        <Button data-action="new-project">
          <Plus /> {t("create.trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="space-y-4">
          <DialogHeader>
            <DialogTitle>{t("create.title")}</DialogTitle>
            <DialogDescription>{t("create.description")}</DialogDescription>
          </DialogHeader>
          <div className="space-y-2">
            <Label htmlFor="project-name">{t("create.name")}</Label>
            <Input
              id="project-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={120}
              autoFocus
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor="project-description">{t("create.descriptionLabel")}</Label>
            <Textarea id="project-description" value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <TemplateSelect value={templateId} onChange={setTemplateId} own={templates.data} />
          <DialogFooter>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              {t("create.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
