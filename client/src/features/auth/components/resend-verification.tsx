import { zodResolver } from "@/i18n/zod-resolver";
import { emailOnlyRequestSchema } from "@image-studio/shared";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/form-errors";
import { resendVerification } from "../api/auth";

const COOLDOWN_S = 60;
const cooldownKey = (email: string) => `image-studio:resend:${email.toLowerCase()}`;

function startCooldown(email: string) {
  sessionStorage.setItem(cooldownKey(email), String(Date.now() + COOLDOWN_S * 1000));
}

function secondsLeft(email: string): number {
  const until = Number(sessionStorage.getItem(cooldownKey(email)) ?? 0);
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Sends the confirmation link again, then waits a minute before allowing another (the server limits too). */
export function ResendVerification({ email: knownEmail }: { email?: string }) {
  const { t } = useTranslation("auth");
  const form = useForm<z.input<typeof emailOnlyRequestSchema>>({
    resolver: zodResolver(emailOnlyRequestSchema),
    defaultValues: { email: knownEmail ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const emailField = form.register("email");
  const resendEmailA11y = fieldA11y("resend-email", errors.email?.message);
  const [wait, setWait] = useState(() => (knownEmail ? secondsLeft(knownEmail) : 0));

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setInterval(() => setWait((w) => Math.max(0, w - 1)), 1000);
    return () => clearInterval(timer);
  }, [wait]);

  const onSubmit = form.handleSubmit(async ({ email }) => {
    try {
      const res = await resendVerification(email);
      startCooldown(email);
      setWait(COOLDOWN_S);
      toast.success(res.message);
    } catch (err) {
      if (err instanceof ApiError && err.code === "RATE_LIMITED") {
        toast.error(err.message);
        setWait(COOLDOWN_S);
        return;
      }
      const message = applyServerErrors(err, form.setError, ["email"]);
      if (message) toast.error(message);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      {knownEmail ? (
        <input type="hidden" {...emailField} />
      ) : (
        <FormField id="resend-email" label={t("fields.email")} error={errors.email?.message}>
          <Input {...resendEmailA11y} type="email" autoComplete="email" {...emailField} />
        </FormField>
      )}
      <Button type="submit" variant="outline" size="lg" loading={isSubmitting} disabled={wait > 0}>
        {wait > 0 ? t("resend.wait", { seconds: wait }) : t("resend.submit")}
      </Button>
    </form>
  );
}
