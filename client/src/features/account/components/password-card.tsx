import { zodResolver } from "@/i18n/zod-resolver";
import { changePasswordFormSchema, LIMITS, type MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { accountKeys, changePassword } from "../api/account";
import { Section } from "./section";

type Values = z.input<typeof changePasswordFormSchema>;

export function PasswordCard({ user }: { user: MeUser }) {
  const { t } = useTranslation("account");
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const currentPasswordA11y = fieldA11y("current-password", errors.currentPassword?.message);
  const currentPasswordField = form.register("currentPassword");
  const newPasswordA11y = fieldA11y("new-password", errors.newPassword?.message, "hint");
  const newPasswordField = form.register("newPassword");
  const confirmPasswordA11y = fieldA11y("confirm-password", errors.confirmPassword?.message);
  const confirmPasswordField = form.register("confirmPassword");

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await changePassword(currentPassword, newPassword);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
      toast.success(t("password.changed"), { description: t("password.changedDescription") });
    } catch (err) {
      if (errorReason(err) === "INVALID_PASSWORD") {
        form.setError("currentPassword", { type: "server", message: t("password.wrongCurrent") });
        return;
      }
      const message = applyServerErrors(err, form.setError, ["currentPassword", "newPassword"]);
      if (message) toast.error(message);
    }
  });

  if (!user.hasPassword) {
    return (
      <Section id="password" title={t("password.title")} description={t("password.socialOnly")}>
        <FormAlert tone="info">
          <Trans
            t={t}
            i18nKey="password.addPassword"
            values={{ email: user.email }}
            components={{
              a: (
                <Link to="/forgot-password" className="font-medium text-primary-strong underline underline-offset-4" />
              ),
            }}
          />
        </FormAlert>
      </Section>
    );
  }

  return (
    <Section id="password" title={t("password.title")} description={t("password.description")}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="current-password"
          label={t("password.current")}
          error={errors.currentPassword?.message}
          className="sm:col-span-2"
        >
          <PasswordInput {...currentPasswordA11y} autoComplete="current-password" {...currentPasswordField} />
        </FormField>
        <FormField
          id="new-password"
          label={t("password.new")}
          error={errors.newPassword?.message}
          hint={t("password.minLength", { count: LIMITS.passwordMinLength })}
        >
          <PasswordInput {...newPasswordA11y} autoComplete="new-password" {...newPasswordField} />
        </FormField>
        <FormField id="confirm-password" label={t("password.repeat")} error={errors.confirmPassword?.message}>
          <PasswordInput {...confirmPasswordA11y} autoComplete="new-password" {...confirmPasswordField} />
        </FormField>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" loading={isSubmitting}>
            {t("password.submit")}
          </Button>
        </div>
      </form>
    </Section>
  );
}
