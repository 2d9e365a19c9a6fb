import { zodResolver } from "@/i18n/zod-resolver";
import { deleteAccountRequestSchema, type MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Download, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
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
  const { t } = useTranslation("account");
  const [exporting, setExporting] = useState(false);
  const [open, setOpen] = useState(false);
  const exportData = async () => {
    setExporting(true);
    try {
      await downloadExport();
      toast.success(t("danger.exporting"));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("danger.exportFailed"));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Section id="danger-zone" title={t("danger.title")} tone="danger" description={t("danger.description")}>
      <div className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted-foreground">{t("danger.exportHint")}</p>
          <Button variant="outline" loading={exporting} onClick={() => void exportData()}>
            <Download aria-hidden="true" /> {t("danger.export")}
          </Button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
          <p className="text-sm text-muted-foreground">{t("danger.deleteHint")}</p>
          <Button variant="destructive" onClick={() => setOpen(true)}>
            <Trash2 aria-hidden="true" /> {t("danger.delete")}
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
  const { t } = useTranslation("account");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(deleteAccountRequestSchema),
    defaultValues: { password: "", confirm: "" as "DELETE" },
  });
  const { errors, isSubmitting } = form.formState;
  const deletePasswordA11y = fieldA11y("delete-password", errors.password?.message);
  const passwordField = form.register("password");
  const deleteConfirmA11y = fieldA11y("delete-confirm", errors.confirm?.message);
  const confirmField = form.register("confirm");
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await deleteAccount({ confirm: "DELETE", password: user.hasPassword ? values.password : undefined });
      clearClientSession(queryClient);
      toast.success(t("danger.deleted"));
      await navigate({ to: "/sign-up" });
    } catch (err) {
      if (errorReason(err) === "INVALID_PASSWORD") {
        form.setError("password", { type: "server", message: t("passwordPrompt.wrong") });
        return;
      }
      const message = applyServerErrors(err, form.setError, ["password", "confirm"]);
      if (message) setFormError(message);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{t("danger.confirmTitle")}</DialogTitle>
        <DialogDescription>{t("danger.confirmDescription", { email: user.email })}</DialogDescription>
      </DialogHeader>
      <FormAlert tone="info" title={t("danger.copyFirst")}>
        <Button type="button" variant="link" className="h-auto p-0" loading={exporting} onClick={() => void onExport()}>
          {t("danger.downloadExport")}
        </Button>
      </FormAlert>
      {formError && <FormAlert>{formError}</FormAlert>}
      {user.hasPassword && (
        <FormField id="delete-password" label={t("danger.password")} error={errors.password?.message}>
          <PasswordInput {...deletePasswordA11y} autoComplete="current-password" {...passwordField} />
        </FormField>
      )}
      <FormField
        id="delete-confirm"
        label={
          <Trans
            t={t}
            i18nKey="danger.typeDelete"
            components={{ mono: <span className="font-mono font-semibold" /> }}
          />
        }
        error={errors.confirm?.message}
      >
        <Input {...deleteConfirmA11y} autoComplete="off" {...confirmField} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={isSubmitting}>
          {t("danger.keep")}
        </Button>
        <Button type="submit" variant="destructive" loading={isSubmitting}>
          {t("danger.deleteForever")}
        </Button>
      </DialogFooter>
    </form>
  );
}
