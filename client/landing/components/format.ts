import type { LandingModel } from "../types";

/** US dollars for a credit amount (1 credit = $0.001), with as many decimals as the amount needs. */
export function usd(credits: number): string {
  const dollars = credits / 1000;
  if (dollars === 0) return "$0";
  // Cents always show two decimals ($0.50); fractions of a cent keep the digits they need ($0.025, $0.003).
  const [whole, frac = ""] = dollars.toFixed(4).split(".");
  return `$${whole}.${frac.replace(/0+$/, "").padEnd(2, "0")}`;
}

/** "25 credits / MP" style labels: short for the badge, long with the dollar value for the card. */
export function formatCost(m: Pick<LandingModel, "credits" | "unit" | "priceConfirmed">) {
  if (m.credits === 0) return { short: "Free", long: "Free — no credits" };
  const per = m.unit === "megapixel" ? "megapixel" : m.unit === "second" ? "second of video" : "image";
  const approx = m.priceConfirmed ? "" : "≈ ";
  const n = `${approx}${m.credits} credit${m.credits === 1 ? "" : "s"}`;
  return {
    short: `${n} / ${m.unit === "megapixel" ? "MP" : m.unit === "second" ? "s" : "image"}`,
    long: `${n} per ${per} (${usd(m.credits)})`,
  };
}
