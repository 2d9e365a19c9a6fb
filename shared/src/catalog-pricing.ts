/** Pricing and documentation helpers shared by the catalog's entry files (catalog-*.ts). */
import type { Operation, ParamSpec, Pricing } from "./catalog-base";

export const perMp = (credits: number, priceConfirmed = true, note?: string): Pricing => ({
  unit: "megapixel",
  credits,
  priceConfirmed,
  ...(note ? { note } : {}),
});
export const perImage = (credits: number, priceConfirmed = true, note?: string): Pricing => ({
  unit: "image",
  credits,
  priceConfirmed,
  ...(note ? { note } : {}),
});
export const docs = (id: string) => `https://fal.ai/models/${id}`;
export const onlyFor = (spec: ParamSpec, operations: readonly Operation[]): ParamSpec => ({ ...spec, operations });
export const FREE: Pricing = {
  unit: "image",
  credits: 1,
  priceConfirmed: true,
  note: "Runs on this server at no fal.ai cost; one nominal credit per image keeps usage limits (e.g. for guests) meaningful.",
};
export const COMPUTE_BILLED = "fal bills this model by compute time; the credit value is our estimate.";
