import { zodResolver } from "@/i18n/zod-resolver";
import { LIMITS, registerRequestSchema } from "@image-studio/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { upgradeGuest } from "../api/account";
import { Section } from "./section";

type Values = z.input<typeof registerRequestSchema>;

/**
 * Settings → Account for a "Try demo" guest: turns this session into a full account. Same account, so every
 * image, project and job stays; the link in the confirmation mail finishes it (fal.ai models, full credits).
 */
export function GuestUpgradeCard() {
  const { t } = useTranslation("account");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(registerRequestSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const upgradeNameA11y = fieldA11y("upgrade-name", errors.name?.message);
  const nameField = form.register("name");
  const upgradeEmailA11y = fieldA11y("upgrade-email", errors.email?.message);
  const emailField = form.register("email");
  const upgradePasswordA11y = fieldA11y("upgrade-password", errors.password?.message, "hint");
  const passwordField = form.register("password");

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await upgradeGuest(values);
      setSentTo(result.email);
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["name", "email", "password"]);
      if (message) toast.error(message);
    }
  });

  return (
    <Section id="save-work" title={t("guest.title")} description={t("guest.description")}>
      {sentTo ? (
        <FormAlert tone="success">
          <Trans t={t} i18nKey="guest.sent" values={{ email: sentTo }} components={{ strong: <strong /> }} />
        </FormAlert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
          <FormField id="upgrade-name" label={t("guest.name")} error={errors.name?.message}>
            <Input {...upgradeNameA11y} autoComplete="name" {...nameField} />
          </FormField>
          <FormField id="upgrade-email" label={t("guest.email")} error={errors.email?.message}>
            <Input {...upgradeEmailA11y} type="email" autoComplete="email" {...emailField} />
          </FormField>
          <FormField
            id="upgrade-password"
            label={t("guest.password")}
            error={errors.password?.message}
            hint={t("password.minLength", { count: LIMITS.passwordMinLength })}
            className="sm:col-span-2"
          >
            <PasswordInput {...upgradePasswordA11y} autoComplete="new-password" {...passwordField} />
          </FormField>
          <div className="flex justify-end sm:col-span-2">
            <Button type="submit" loading={isSubmitting}>
              {t("guest.submit")}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
