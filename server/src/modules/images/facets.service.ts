import type { ImageFacets } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as repo from "./facets.repo";

export async function facets(ctx: Ctx): Promise<ImageFacets> {
  const [models, tags, projects, collections, totals] = await Promise.all([
    repo.modelCounts(ctx.db, ctx.user.id),
    repo.tagCounts(ctx.db, ctx.user.id, 100),
    repo.projectCounts(ctx.db, ctx.user.id),
    repo.collectionCounts(ctx.db, ctx.user.id),
    repo.totals(ctx.db, ctx.user.id),
  ]);
  return { models, tags, projects, collections, ...totals };
}
