import type { ImageDetail } from "@image-studio/shared";
import type { DBCore, DBCoreMutateRequest, Middleware } from "dexie";

/**
 * Sort keys stored on each image row, so the gallery's prompt and rating orders can walk an index instead of
 * sorting every row in memory. They are derived here, on every write to `images` (put, add, update, modify all
 * reach DBCore as put/add), so no writer can forget them. Same order as local-gallery's comparator: lower-cased
 * prompt, rating with "unrated" as 0; ties by createdAt, then id (the index's primary-key order).
 */
export interface SortKeys {
  sortPrompt: string;
  sortRating: number;
}

export const sortKeysOf = (img: Pick<ImageDetail, "prompt" | "rating">): SortKeys => ({
  sortPrompt: img.prompt.toLowerCase(),
  sortRating: img.rating ?? 0,
});

const withSortKeys = (v: unknown) => (v && typeof v === "object" && "prompt" in v ? { ...v, ...sortKeysOf(v as ImageDetail) } : v);

export const imageSortKeys: Middleware<DBCore> = {
  stack: "dbcore",
  name: "imageSortKeys",
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== "images") return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          table.mutate(req.type === "put" || req.type === "add" ? { ...req, values: req.values.map(withSortKeys) } : req),
      };
    },
  }),
};
