import { zodResolver } from "@/i18n/zod-resolver";
import { emailOnlyRequestSchema } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { forgotPassword } from "../api/auth";
import { AuthLayout } from "./auth-layout";

export function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof emailOnlyRequestSchema>>({
    resolver: zodResolver(emailOnlyRequestSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const emailA11y = fieldA11y("email", errors.email?.message);
  const emailField = form.register("email");

  const onSubmit = form.handleSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await forgotPassword(email);
      setSentTo(email);
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["email"]);
      if (message) setFormError(message);
    }
  });

  const footer = (
    <Link to="/sign-in" className="font-medium text-primary-strong hover:underline">
      {t("backToSignIn")}
    </Link>
  );

  if (sentTo) {
    return (
      <AuthLayout
        title={t("forgot.sentTitle")}
        description={
          <Trans
            t={t}
            i18nKey="forgot.sentDescription"
            values={{ email: sentTo }}
            components={{ hl: <span className="font-medium text-foreground" /> }}
          />
        }
        footer={footer}
      >
        <div className="mx-auto grid size-14 place-items-center rounded-2xl bg-primary/15 text-primary-strong ring-1 ring-primary/25">
          <MailCheck className="size-7" aria-hidden="true" />
        </div>
        <Button variant="outline" size="lg" className="mt-6 w-full" onClick={() => setSentTo(null)}>
          {t("forgot.another")}
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("forgot.title")} description={t("forgot.description")} footer={footer}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && <FormAlert>{formError}</FormAlert>}
        <FormField id="email" label={t("fields.email")} error={errors.email?.message}>
          <Input {...emailA11y} type="email" autoComplete="email" inputMode="email" autoFocus {...emailField} />
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          {t("forgot.submit")}
        </Button>
      </form>
    </AuthLayout>
  );
}
