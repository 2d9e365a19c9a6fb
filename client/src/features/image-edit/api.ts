import type { ImageDetail, ImageEditRequest } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** POST /api/images/:id/edit — the edited picture as a new image in the lineage. */
export function useEditImage(imageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImageEditRequest): Promise<ImageDetail> =>
      call(rpc.imageEdit[":id{[0-9a-fA-F-]{36}}"].edit.$post({ param: { id: imageId }, json: body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["images"] });
      void qc.invalidateQueries({ queryKey: ["iteration", "lineage"] });
    },
  });
}
