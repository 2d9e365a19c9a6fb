import { Check } from "lucide-react";
import { ROUTES } from "../content";
import type { LandingModel } from "../types";
import { formatCost, usd } from "./format";
import { buttonStyles, wrap, SectionHeading } from "./ui";

interface Tier {
  name: string;
  price: string;
  per: string;
  text: string;
  points: string[];
  cta: { href: string; label: string };
  featured?: boolean;
}

/** What the catalog says the tiers cost: the local sketch engine's price and the cheapest AI model's. */
function prices(models: LandingModel[]) {
  const cheapest = (list: LandingModel[]) => (list.length ? Math.min(...list.map((m) => m.credits)) : 0);
  const generators = models.filter((m) => m.generates);
  const sketch = cheapest(generators.filter((m) => m.provider === "local"));
  return {
    cheapestAi: cheapest(generators.filter((m) => m.provider === "fal")),
    sketch,
    sketchLabel: sketch === 0 ? "free" : `${sketch} nominal credit${sketch === 1 ? "" : "s"} per image`,
  };
}

function tiers(signupCredits: number, price: ReturnType<typeof prices>): Tier[] {
  return [
    {
      name: "Demo",
      price: "$0",
      per: "no account",
      text: "Look around the studio as a guest, straight from this page.",
      points: ["Opens the studio on the local sketch engine", "No sign-up, no card", "Guest limits apply"],
      cta: { href: ROUTES.tryDemo, label: "Try the demo" },
    },
    {
      name: "Free account",
      price: "$0",
      per: `${signupCredits} starter credits`,
      text: `Everything in the studio, with ${usd(signupCredits)} of starter credits to spend on any model.`,
      points: [
        `Local sketch engine: ${price.sketchLabel}`,
        "Projects, collections and prompt library",
        "Offline galleries on every device",
        "Every iteration tool, with a lineage tree",
      ],
      cta: { href: ROUTES.signUp, label: "Sign up free" },
      featured: true,
    },
    {
      name: "Pay per image",
      price: usd(price.cheapestAi),
      per: "and up, per AI image",
      text: "Pay only for what you generate — no subscription.",
      points: ["1 credit = US$0.001", "The cost is shown before you generate", "Credits refunded when a job fails"],
      cta: { href: ROUTES.signUp, label: "Create an account" },
    },
  ];
}

function TierCard({ tier }: { tier: Tier }) {
  return (
    <li
      className={`relative flex flex-col rounded-2xl border bg-card p-7 shadow-sm ${tier.featured ? "border-primary shadow-xl shadow-primary/10 ring-1 ring-primary" : "border-border"}`}
    >
      {tier.featured ? (
        <span className="absolute -top-3 left-7 rounded-full bg-primary-solid px-3 py-0.5 text-xs font-semibold text-primary-foreground">
          Recommended
        </span>
      ) : null}
      <h3 className="text-lg font-semibold text-foreground">{tier.name}</h3>
      <p className="mt-4 flex items-baseline gap-2">
        <span className="text-4xl font-extrabold tracking-tight text-foreground">{tier.price}</span>
        <span className="text-sm text-muted-foreground">{tier.per}</span>
      </p>
      <p className="mt-3 text-muted-foreground">{tier.text}</p>
      <ul className="mt-6 flex-1 space-y-3 text-sm">
        {tier.points.map((p) => (
          <li key={p} className="flex gap-2 text-foreground">
            <Check className="mt-0.5 size-4 shrink-0 text-success-strong" aria-hidden="true" />
            {p}
          </li>
        ))}
      </ul>
      <a
        href={tier.cta.href}
        className={`mt-8 ${tier.featured ? buttonStyles.primary : buttonStyles.outline} ${buttonStyles.md}`}
      >
        {tier.cta.label}
      </a>
    </li>
  );
}

/** Every model's price; cell styles live in landing.css (.price-table) to keep the repeated markup small. */
function PriceTable({ models }: { models: LandingModel[] }) {
  return (
    <div className="relative mt-6 overflow-hidden rounded-2xl border border-border bg-card">
      <table className="price-table w-full text-left text-sm">
        <caption className="sr-only">Credit cost per model (1 credit = US$0.001)</caption>
        <thead className="bg-surface text-muted-foreground">
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Credits</th>
            <th scope="col">US$</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {models.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.displayName}
                <span>{m.provider === "local" ? "Local sketch engine on this server · not AI" : "fal.ai"}</span>
              </th>
              <td>{formatCost(m).short}</td>
              <td>{m.credits === 0 ? "Free" : `${m.priceConfirmed ? "" : "≈ "}${usd(m.credits)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pricing({ models, signupCredits }: { models: LandingModel[]; signupCredits: number }) {
  const price = prices(models);
  const sketch = price.sketch === 0 ? "is free" : `takes ${price.sketchLabel}`;
  return (
    <section id="pricing" aria-labelledby="pricing-title" className="band below-fold">
      <div className={wrap}>
        <SectionHeading
          id="pricing-title"
          eyebrow="Pricing"
          title="Start free, pay per image when you need AI"
          lead={`No subscription. AI models are billed in credits at the model's price; the local sketch engine ${sketch}.`}
        />
        <ul className="mt-14 grid gap-6 lg:grid-cols-3">
          {tiers(signupCredits, price).map((t) => (
            <TierCard key={t.name} tier={t} />
          ))}
        </ul>
        <h3 className="mt-20 text-xl font-bold text-foreground">Credit cost per model</h3>
        <p className="mt-2 text-sm text-muted-foreground">
          Megapixel (MP) prices are per image, rounded up to whole megapixels: a 1024×1024 image is 1 MP. ≈ marks models
          fal bills by compute time, where the price is our estimate. New accounts get {signupCredits} credits by
          default; the operator of a server can change that.
        </p>
        <PriceTable models={models} />
      </div>
    </section>
  );
}
