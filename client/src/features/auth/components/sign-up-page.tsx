import { zodResolver } from "@/i18n/zod-resolver";
import { LIMITS, registerRequestSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Sparkles } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatNumber } from "@/i18n";
import { cn } from "@/lib/cn";
import { applyServerErrors } from "@/lib/form-errors";
import { authConfigQuery, safeRedirect } from "@/lib/session";
import { register } from "../api/auth";
import { AuthLayout } from "./auth-layout";
import { OAuthButtons } from "./oauth-buttons";

type Values = z.input<typeof registerRequestSchema>;

/** 0–4: length and character variety; a nudge, not a rule (the rule is the minimum length). */
function strength(pw: string): number {
  if (pw.length < LIMITS.passwordMinLength) return pw.length ? 1 : 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return Math.min(4, 1 + (pw.length >= 12 ? 1 : 0) + (kinds >= 2 ? 1 : 0) + (kinds >= 3 || pw.length >= 16 ? 1 : 0));
}
const STRENGTH = [
  null,
  "signUp.strength.tooShort",
  "signUp.strength.okay",
  "signUp.strength.good",
  "signUp.strength.strong",
] as const;

export function SignUpPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const { data: config } = useQuery(authConfigQuery);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(registerRequestSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const nameA11y = fieldA11y("name", errors.name?.message);
  const nameField = form.register("name");
  const emailA11y = fieldA11y("email", errors.email?.message);
  const emailField = form.register("email");
  const passwordA11y = fieldA11y("password", errors.password?.message, "hint");
  const passwordField = form.register("password");
  const password = useWatch({ control: form.control, name: "password" }) ?? "";
  const score = strength(password);
  const strengthLabel = STRENGTH[score];

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const res = await register(values);
      await navigate({ to: "/verify-email", search: { email: res.email } });
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["name", "email", "password"]);
      if (message) setFormError(message);
    }
  });

  return (
    <AuthLayout
      title={t("signUp.title")}
      description={
        config?.signupCredits ? (
          <span className="inline-flex items-center gap-1.5">
            <Sparkles className="size-4 text-accent-strong" aria-hidden="true" />
            {t("signUp.credits", { credits: formatNumber(config.signupCredits) })}
          </span>
        ) : (
          t("signUp.tagline")
        )
      }
      footer={
        <Trans
          t={t}
          i18nKey="signUp.haveAccount"
          components={{
            a: (
              <Link
                to="/sign-in"
                search={redirect ? { redirect } : {}}
                className="font-medium text-primary-strong hover:underline"
              />
            ),
          }}
        />
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && <FormAlert>{formError}</FormAlert>}
        <FormField id="name" label={t("fields.name")} error={errors.name?.message}>
          <Input {...nameA11y} autoComplete="name" autoFocus {...nameField} />
        </FormField>
        <FormField id="email" label={t("fields.email")} error={errors.email?.message}>
          <Input {...emailA11y} type="email" autoComplete="email" inputMode="email" {...emailField} />
        </FormField>
        <FormField
          id="password"
          label={t("fields.password")}
          error={errors.password?.message}
          hint={t("signUp.passwordHint", { count: LIMITS.passwordMinLength })}
        >
          <PasswordInput {...passwordA11y} autoComplete="new-password" {...passwordField} />
          {password && (
            <div className="flex items-center gap-2" aria-live="polite">
              <div className="grid flex-1 grid-cols-4 gap-1" aria-hidden="true">
                {[1, 2, 3, 4].map((i) => (
                  <span
                    key={i}
                    className={cn(
                      "h-1 rounded-full bg-muted transition-colors duration-300",
                      i <= score &&
                        (score <= 1
                          ? "bg-destructive"
                          : score === 2
                            ? "bg-warning"
                            : score === 3
                              ? "bg-primary"
                              : "bg-success"),
                    )}
                  />
                ))}
              </div>
              <span className="w-16 text-right text-xs text-muted-foreground">
                {strengthLabel ? t(strengthLabel) : null}
              </span>
            </div>
          )}
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          {t("signUp.submit")}
        </Button>
        <p className="text-center text-xs text-muted-foreground">{t("signUp.confirmNote")}</p>
      </form>
      <OAuthButtons redirectTo={safeRedirect(redirect)} />
    </AuthLayout>
  );
}
