import { ChevronDown } from "lucide-react";
import { FAQ } from "../content";
import { wrap, SectionHeading } from "./ui";

/** FAQ accordion: native <details> (one open at a time via `name`), so it works without JavaScript. */
export function Faq() {
  return (
    <section id="faq" aria-labelledby="faq-title" className="band below-fold bg-surface">
      <div className={`${wrap} max-w-3xl`}>
        <SectionHeading id="faq-title" eyebrow="FAQ" title="Questions about AI image generation" />
        <div data-faq="" className="card mt-12 divide-y divide-border">
          {FAQ.map((item) => (
            <details key={item.id} id={`faq-${item.id}`} name="faq" className="faq-item group scroll-mt-24">
              <summary className="faq-q">
                <h3 className="text-base">{item.question}</h3>
                <ChevronDown
                  className="size-5 shrink-0 text-muted-foreground transition-transform duration-300 group-open:rotate-180"
                  aria-hidden="true"
                />
              </summary>
              <p className="px-5 pb-5 text-muted-foreground sm:px-6">{item.answer}</p>
            </details>
          ))}
        </div>
      </div>
    </section>
  );
}
