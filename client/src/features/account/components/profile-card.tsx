import { zodResolver } from "@hookform/resolvers/zod";
import { LANGUAGES, type MeUser, profileFormSchema } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
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
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZones(user.timezone), [user.timezone]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [savingPrivacy, setSavingPrivacy] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(profileFormSchema),
    values: { name: user.name, timezone: user.timezone, language: user.language },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const timezone = useWatch({ control: form.control, name: "timezone" });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { user: updated } = await updateProfile(values);
      setSessionUser(queryClient, updated);
      toast.success("Profile saved");
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
      toast.success(publicAvatar ? "Your photo is visible on shared pages" : "Your photo is now private");
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Couldn't save that");
    } finally {
      setSavingPrivacy(false);
    }
  };

  return (
    <Section id="profile" title="Profile" description="How you appear in Image Studio and on anything you share.">
      <div className="grid gap-6">
        <AvatarEditor user={user} />
        <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
          <FormField id="profile-name" label="Name" error={errors.name?.message} className="sm:col-span-2">
            <Input
              {...fieldA11y("profile-name", errors.name?.message)}
              autoComplete="name"
              {...form.register("name")}
            />
          </FormField>
          <FormField
            id="profile-email"
            label="Email"
            hint={user.emailVerified ? "Confirmed" : "Not confirmed yet"}
            className="sm:col-span-2"
          >
            <Input {...fieldA11y("profile-email", undefined, "hint")} value={user.email} readOnly disabled />
          </FormField>
          <FormField
            id="profile-timezone"
            label="Time zone"
            error={errors.timezone?.message}
            aside={
              browserZone && browserZone !== timezone ? (
                <button
                  type="button"
                  className="cursor-pointer text-xs font-medium text-primary-strong hover:underline"
                  onClick={() => form.setValue("timezone", browserZone, { shouldDirty: true })}
                >
                  Use {browserZone}
                </button>
              ) : undefined
            }
          >
            <Controller
              control={form.control}
              name="timezone"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <SelectTrigger {...fieldA11y("profile-timezone", errors.timezone?.message)}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent className="max-h-72">
                    {zones.map((z) => (
                      <SelectItem key={z} value={z}>
                        {z.replaceAll("_", " ")}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
          </FormField>
          <FormField id="profile-language" label="Language" error={errors.language?.message}>
            <Controller
              control={form.control}
              name="language"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <SelectTrigger {...fieldA11y("profile-language", errors.language?.message)}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {LANGUAGES.map((l) => (
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
              Save profile
            </Button>
          </div>
        </form>
        <div className="flex items-start justify-between gap-4 rounded-lg border border-border p-3">
          <div className="grid gap-0.5">
            <Label htmlFor="public-avatar">Show my photo on shared pages</Label>
            <p className="text-xs text-muted-foreground">When off, only you see your photo.</p>
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
