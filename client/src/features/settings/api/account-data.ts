import type { ImportResult, RetentionSettings } from "@image-studio/shared";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { call, formBody, rpc, saveFile } from "@/lib/rpc";

export const retentionQuery = queryOptions({
  queryKey: ["account", "retention"] as const,
  queryFn: (): Promise<RetentionSettings> => call(rpc.accountData.retention.$get()),
  staleTime: 60_000,
});

export function useSaveRetention() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<RetentionSettings>): Promise<RetentionSettings> => call(rpc.accountData.retention.$put({ json: patch })),
    onSuccess: (data) => qc.setQueryData(retentionQuery.queryKey, data),
  });
}

/** Downloads the archive (the browser saves it under the server's file name). */
export const downloadArchive = (): Promise<void> => saveFile(rpc.accountData.export.$post(), "image-studio-archive.zip");

export function useImportArchive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return call(rpc.accountData.import.$post(undefined, formBody(form))) as Promise<ImportResult>;
    },
    onSuccess: () => void qc.invalidateQueries(),
  });
}
