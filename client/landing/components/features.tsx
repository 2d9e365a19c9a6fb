import { CloudOff, FolderKanban, GitBranch, type LucideIcon, ListOrdered, ShieldCheck, Shapes } from "lucide-react";
import { FEATURES, type FeatureIcon } from "../content";
import { wrap, SectionHeading } from "./ui";

const ICONS: Record<FeatureIcon, LucideIcon> = {
  models: Shapes,
  iterate: GitBranch,
  projects: FolderKanban,
  offline: CloudOff,
  queue: ListOrdered,
  private: ShieldCheck,
};

export function Features() {
  return (
    <section id="features" aria-labelledby="features-title" className="band below-fold">
      <div className={wrap}>
        <SectionHeading
          id="features-title"
          eyebrow="Features"
          title="Everything between the first prompt and the final pick"
          lead="Generate with the right model, iterate until it is right, and keep every result organised — on the web or installed on your phone."
        />
        <ul className="mt-14 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {FEATURES.map((f) => {
            const Icon = ICONS[f.icon];
            return (
              <li key={f.title} className="card lift group flex gap-4 p-5 sm:block sm:p-6">
                <span className="feature-icon">
                  <Icon className="size-5" aria-hidden="true" />
                </span>
                <div>
                  <h3 className="text-lg font-semibold text-foreground sm:mt-5">{f.title}</h3>
                  <p className="mt-2 text-muted-foreground">{f.text}</p>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
