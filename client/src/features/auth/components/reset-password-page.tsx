import { zodResolver } from "@/i18n/zod-resolver";
import { LIMITS, resetPasswordFormSchema } from "@image-studio/shared";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { resetPassword } from "../api/auth";
import { AuthLayout } from "./auth-layout";

type Values = z.input<typeof resetPasswordFormSchema>;

export function ResetPasswordPage({ token }: { token?: string }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const [formError, setFormError] = useState<{ message: string; badLink: boolean } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const passwordA11y = fieldA11y("password", errors.password?.message, "hint");
  const passwordField = form.register("password");
  const confirmPasswordA11y = fieldA11y("confirmPassword", errors.confirmPassword?.message);
  const confirmPasswordField = form.register("confirmPassword");

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      const res = await resetPassword(token ?? "", password);
      toast.success(res.message);
      await navigate({ to: "/sign-in" });
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["password"]);
      if (message)
        setFormError({
          message,
          badLink: errorReason(err) === "INVALID_TOKEN" || errorReason(err) === "TOKEN_EXPIRED",
        });
    }
  });

  const footer = (
    <Link to="/sign-in" className="font-medium text-primary-strong hover:underline">
      {t("backToSignIn")}
    </Link>
  );

  if (!token) {
    return (
      <AuthLayout title={t("reset.incompleteTitle")} description={t("reset.incompleteDescription")} footer={footer}>
        <Button asChild size="lg" className="w-full">
          <Link to="/forgot-password">{t("reset.sendNew")}</Link>
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("reset.title")} description={t("reset.description")} footer={footer}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && (
          <FormAlert>
            {formError.message}
            {formError.badLink && (
              <>
                {" "}
                <Link to="/forgot-password" className="font-medium text-primary-strong underline underline-offset-4">
                  {t("reset.sendNew")}
                </Link>
              </>
            )}
          </FormAlert>
        )}
        <FormField
          id="password"
          label={t("reset.new")}
          error={errors.password?.message}
          hint={t("reset.hint", { count: LIMITS.passwordMinLength })}
        >
          <PasswordInput {...passwordA11y} autoComplete="new-password" autoFocus {...passwordField} />
        </FormField>
        <FormField id="confirmPassword" label={t("reset.repeat")} error={errors.confirmPassword?.message}>
          <PasswordInput {...confirmPasswordA11y} autoComplete="new-password" {...confirmPasswordField} />
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          {t("reset.submit")}
        </Button>
      </form>
    </AuthLayout>
  );
}
