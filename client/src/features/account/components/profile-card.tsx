import { zodResolver } from "@/i18n/zod-resolver";
import { isUiLanguage, type MeUser, profileFormSchema, UI_LANGUAGES } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue, useSelectItemsOnFirstUse } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { setLanguage } from "@/i18n";
import { applyServerErrors } from "@/lib/form-errors";
import { setSessionUser } from "@/lib/session";
import { updateProfile } from "../api/account";
import { AvatarEditor } from "./avatar-editor";
import { Section } from "./section";

type Values = z.input<typeof profileFormSchema>;

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...all])];
}

export function ProfileCard({ user }: { user: MeUser }) {
  const { t } = useTranslation("account");
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZones(user.timezone), [user.timezone]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [savingPrivacy, setSavingPrivacy] = useState(false);
  // 400-odd zones: their items mount on first use, the trigger names the current zone.
  const zoneItems = useSelectItemsOnFirstUse();
  const form = useForm<Values>({
    resolver: zodResolver(profileFormSchema),
    values: { name: user.name, timezone: user.timezone, language: isUiLanguage(user.language) ? user.language : "en" },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const profileNameA11y = fieldA11y("profile-name", errors.name?.message);
  const nameField = form.register("name");
  const profileEmailA11y = fieldA11y("profile-email", undefined, "hint");
  const profileTimezoneA11y = fieldA11y("profile-timezone", errors.timezone?.message);
  const profileLanguageA11y = fieldA11y("profile-language", errors.language?.message);
  const timezone = useWatch({ control: form.control, name: "timezone" });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { user: updated } = await updateProfile(values);
      setSessionUser(queryClient, updated);
      await setLanguage(updated.language);
      toast.success(t("profile.saved"));
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["name", "timezone", "language"]);
      if (message) toast.error(message);
    }
  });

  const togglePublic = async (publicAvatar: boolean) => {
    setSavingPrivacy(true);
    try {
      const { user: updated } = await updateProfile({ publicAvatar });
      setSessionUser(queryClient, updated);
      toast.success(publicAvatar ? t("profile.photoPublic") : t("profile.photoPrivate"));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("profile.saveFailed"));
    } finally {
      setSavingPrivacy(false);
    }
  };

  return (
    <Section id="profile" title={t("profile.title")} description={t("profile.description")}>
      <div className="grid gap-6">
        <AvatarEditor user={user} />
        <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
          <FormField id="profile-name" label={t("profile.name")} error={errors.name?.message} className="sm:col-span-2">
            <Input {...profileNameA11y} autoComplete="name" {...nameField} />
          </FormField>
          <FormField
            id="profile-email"
            label={t("profile.email")}
            hint={user.emailVerified ? t("profile.confirmed") : t("profile.notConfirmed")}
            className="sm:col-span-2"
          >
            <Input {...profileEmailA11y} value={user.email} readOnly disabled />
          </FormField>
          <FormField
            id="profile-timezone"
            label={t("profile.timeZone")}
            error={errors.timezone?.message}
            aside={
              browserZone && browserZone !== timezone ? (
                <button
                  type="button"
                  className="cursor-pointer text-xs font-medium text-primary-strong hover:underline"
                  onClick={() => form.setValue("timezone", browserZone, { shouldDirty: true })}
                >
                  {t("profile.useZone", { zone: browserZone })}
                </button>
              ) : undefined
            }
          >
            <Controller
              control={form.control}
              name="timezone"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange} onOpenChange={zoneItems.onOpenChange}>
                  <SelectTrigger {...profileTimezoneA11y} {...zoneItems.trigger}>
                    <SelectValue>{field.value?.replaceAll("_", " ")}</SelectValue>
                  </SelectTrigger>
                  {zoneItems.mounted && (
                    <SelectContent className="max-h-72">
                      {zones.map((z) => (
                        <SelectItem key={z} value={z}>
                          {z.replaceAll("_", " ")}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  )}
                </Select>
              )}
            />
          </FormField>
          <FormField id="profile-language" label={t("profile.language")} error={errors.language?.message}>
            <Controller
              control={form.control}
              name="language"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <SelectTrigger {...profileLanguageA11y}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {UI_LANGUAGES.map((l) => (
                      <SelectItem key={l.id} value={l.id}>
                        {l.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
          </FormField>
          <div className="flex justify-end sm:col-span-2">
            <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
              {t("profile.save")}
            </Button>
          </div>
        </form>
        <div className="flex items-start justify-between gap-4 rounded-lg border border-border p-3">
          <div className="grid gap-0.5">
            <Label htmlFor="public-avatar">{t("profile.publicAvatar")}</Label>
            <p className="text-xs text-muted-foreground">{t("profile.publicAvatarHint")}</p>
          </div>
          <Switch
            id="public-avatar"
            checked={user.publicAvatar}
            disabled={savingPrivacy}
            onCheckedChange={(v) => void togglePublic(v)}
          />
        </div>
      </div>
    </Section>
  );
}
