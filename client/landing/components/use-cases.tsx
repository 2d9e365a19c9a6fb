import { Lightbulb, type LucideIcon, Megaphone, PenTool, LayoutTemplate } from "lucide-react";
import { USE_CASES, type UseCaseIcon } from "../content";
import { wrap, SectionHeading } from "./ui";

const ICONS: Record<UseCaseIcon, LucideIcon> = {
  concept: Lightbulb,
  marketing: Megaphone,
  product: LayoutTemplate,
  story: PenTool,
};

export function UseCases() {
  return (
    <section id="use-cases" aria-labelledby="use-cases-title" className="band below-fold bg-surface">
      <div className={wrap}>
        <SectionHeading
          id="use-cases-title"
          eyebrow="Use cases"
          title="Built for people who make pictures for a living — or for fun"
        />
        <ul className="mt-14 grid gap-6 md:grid-cols-2">
          {USE_CASES.map((u) => {
            const Icon = ICONS[u.icon];
            return (
              <li key={u.title} className="card flex gap-5 p-6">
                <span className="icon-tile size-12 bg-accent/10 text-accent-strong">
                  <Icon className="size-6" aria-hidden="true" />
                </span>
                <div>
                  <h3 className="text-lg font-semibold text-foreground">{u.title}</h3>
                  <p className="mt-2 text-muted-foreground">{u.text}</p>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
