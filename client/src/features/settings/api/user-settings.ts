import type { UpdateUserSettings, UserSettings } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { call, rpc } from "@/lib/rpc";
import { userSettingsKey, userSettingsQuery } from "@/lib/user-settings";

export { userSettingsKey, userSettingsQuery };

/** Saves a change; the studio's defaults and presets are refetched so they follow at once. */
export function useUpdateSettings(success?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateUserSettings): Promise<UserSettings> => call(rpc.settings.index.$put({ json: patch })),
    onSuccess: (data) => {
      qc.setQueryData(userSettingsKey, data);
      void qc.invalidateQueries({ queryKey: ["settings"], predicate: (q) => q.queryKey[1] !== "user" });
      if (success) toast.success(success);
    },
    onError: (err) => toast.error(err.message),
  });
}
