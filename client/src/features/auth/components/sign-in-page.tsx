import { zodResolver } from "@/i18n/zod-resolver";
import { loginRequestSchema } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { refreshSession, safeRedirect } from "@/lib/session";
import { login } from "../api/auth";
import { AuthLayout } from "./auth-layout";
import { OAuthButtons } from "./oauth-buttons";
import { TwoFactorStep } from "./two-factor-step";

const schema = loginRequestSchema.pick({ email: true, password: true, rememberMe: true });
type Values = z.input<typeof schema>;

const OAUTH_ERRORS = {
  account_not_linked: "signIn.oauth.accountNotLinked",
  banned: "signIn.oauth.banned",
} as const;
const oauthErrorKey = (code: string) =>
  Object.hasOwn(OAUTH_ERRORS, code) ? OAUTH_ERRORS[code as keyof typeof OAUTH_ERRORS] : "signIn.oauth.failed";

export function SignInPage({ redirect, oauthError }: { redirect?: string; oauthError?: string }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = safeRedirect(redirect);
  const [twoFactor, setTwoFactor] = useState<{ email: string; methods: string[] } | null>(null);
  const [formError, setFormError] = useState<{ message: string; reason?: string; email?: string } | null>(
    oauthError ? { message: t(oauthErrorKey(oauthError)) } : null,
  );
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "", rememberMe: true },
  });
  const { errors, isSubmitting } = form.formState;
  const emailA11y = fieldA11y("email", errors.email?.message);
  const emailField = form.register("email");
  const passwordA11y = fieldA11y("password", errors.password?.message);
  const passwordField = form.register("password");

  const finish = async () => {
    await refreshSession(queryClient);
    toast.success(t("signIn.welcome"));
    await navigate({ to: target });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const res = await login(values);
      if (res.twoFactorRequired) setTwoFactor({ email: values.email, methods: res.methods });
      else await finish();
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["email", "password"]);
      if (message) setFormError({ message, reason: errorReason(err), email: values.email });
    }
  });

  if (twoFactor) {
    return (
      <AuthLayout
        title={t("signIn.twoFactorTitle")}
        description={t("signIn.twoFactorDescription", { email: twoFactor.email })}
      >
        <TwoFactorStep onDone={finish} onCancel={() => setTwoFactor(null)} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={t("signIn.title")}
      description={t("signIn.description")}
      footer={
        <Trans
          t={t}
          i18nKey="signIn.newHere"
          components={{
            a: (
              <Link
                to="/sign-up"
                search={redirect ? { redirect } : {}}
                className="font-medium text-primary-strong hover:underline"
              />
            ),
          }}
        />
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && (
          <FormAlert title={formError.reason === "EMAIL_NOT_VERIFIED" ? t("signIn.confirmFirst") : undefined}>
            {formError.message}
            {formError.reason === "EMAIL_NOT_VERIFIED" && (
              <>
                {" "}
                <Link
                  to="/verify-email"
                  search={{ email: formError.email }}
                  className="font-medium text-primary-strong underline underline-offset-4"
                >
                  {t("signIn.resend")}
                </Link>
              </>
            )}
          </FormAlert>
        )}
        <FormField id="email" label={t("fields.email")} error={errors.email?.message}>
          <Input {...emailA11y} type="email" autoComplete="email" inputMode="email" autoFocus {...emailField} />
        </FormField>
        <FormField
          id="password"
          label={t("fields.password")}
          error={errors.password?.message}
          aside={
            <Link to="/forgot-password" className="text-xs font-medium text-primary-strong hover:underline">
              {t("signIn.forgot")}
            </Link>
          }
        >
          <PasswordInput {...passwordA11y} autoComplete="current-password" {...passwordField} />
        </FormField>
        <div className="flex items-center gap-2">
          <Controller
            control={form.control}
            name="rememberMe"
            render={({ field }) => (
              <Checkbox
                id="remember-me"
                checked={field.value ?? true}
                onCheckedChange={(v) => field.onChange(v === true)}
              />
            )}
          />
          <Label htmlFor="remember-me" className="font-normal">
            {t("signIn.remember")}
          </Label>
        </div>
        <Button type="submit" size="lg" loading={isSubmitting}>
          {t("signIn.submit")}
        </Button>
      </form>
      <OAuthButtons redirectTo={target} />
    </AuthLayout>
  );
}
