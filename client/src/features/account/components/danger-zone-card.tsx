import { zodResolver } from "@hookform/resolvers/zod";
import { deleteAccountRequestSchema, type MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Download, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { clearClientSession } from "@/lib/session";
import { deleteAccount, downloadExport } from "../api/account";
import { Section } from "./section";

type Values = z.input<typeof deleteAccountRequestSchema>;

export function DangerZoneCard({ user }: { user: MeUser }) {
  const [exporting, setExporting] = useState(false);
  const [open, setOpen] = useState(false);
  const exportData = async () => {
    setExporting(true);
    try {
      await downloadExport();
      toast.success("Your data export is downloading");
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Export failed");
    } finally {
      setExporting(false);
    }
  };
  return (
    <Section
      id="danger-zone"
      title="Danger zone"
      tone="danger"
      description="Download what's yours, or delete the account for good."
    >
      <div className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted-foreground">
            A JSON file with your profile, projects, prompts, image details and credit history.
          </p>
          <Button variant="outline" loading={exporting} onClick={() => void exportData()}>
            <Download aria-hidden="true" /> Export my data
          </Button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
          <p className="text-sm text-muted-foreground">
            Deletes your images, projects, prompts and settings. This can't be undone.
          </p>
          <Button variant="destructive" onClick={() => setOpen(true)}>
            <Trash2 aria-hidden="true" /> Delete account
          </Button>
        </div>
      </div>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-w-md">
          {open && (
            <DeleteForm user={user} onExport={exportData} exporting={exporting} onCancel={() => setOpen(false)} />
          )}
        </DialogContent>
      </Dialog>
    </Section>
  );
}

function DeleteForm({
  user,
  onExport,
  exporting,
  onCancel,
}: {
  user: MeUser;
  onExport: () => Promise<void>;
  exporting: boolean;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(deleteAccountRequestSchema),
    defaultValues: { password: "", confirm: "" as "DELETE" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await deleteAccount({ confirm: "DELETE", password: user.hasPassword ? values.password : undefined });
      clearClientSession(queryClient);
      toast.success("Your account was deleted. Goodbye!");
      await navigate({ to: "/sign-up" });
    } catch (err) {
      if (errorReason(err) === "INVALID_PASSWORD") {
        form.setError("password", { type: "server", message: "That password isn't right." });
        return;
      }
      const message = applyServerErrors(err, form.setError, ["password", "confirm"]);
      if (message) setFormError(message);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Delete your account?</DialogTitle>
        <DialogDescription>
          Everything in {user.email} — images, projects, collections, prompts, settings and credits — is deleted for
          good.
        </DialogDescription>
      </DialogHeader>
      <FormAlert tone="info" title="Want a copy first?">
        <Button type="button" variant="link" className="h-auto p-0" loading={exporting} onClick={() => void onExport()}>
          Download your data export
        </Button>
      </FormAlert>
      {formError && <FormAlert>{formError}</FormAlert>}
      {user.hasPassword && (
        <FormField id="delete-password" label="Your password" error={errors.password?.message}>
          <PasswordInput
            {...fieldA11y("delete-password", errors.password?.message)}
            autoComplete="current-password"
            {...form.register("password")}
          />
        </FormField>
      )}
      <FormField
        id="delete-confirm"
        label={
          <>
            Type <span className="font-mono font-semibold">DELETE</span> to confirm
          </>
        }
        error={errors.confirm?.message}
      >
        <Input
          {...fieldA11y("delete-confirm", errors.confirm?.message)}
          autoComplete="off"
          {...form.register("confirm")}
        />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={isSubmitting}>
          Keep my account
        </Button>
        <Button type="submit" variant="destructive" loading={isSubmitting}>
          Delete forever
        </Button>
      </DialogFooter>
    </form>
  );
}
