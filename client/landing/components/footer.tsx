import { ArrowRight } from "lucide-react";
import { NAV_LINKS, ROUTES, SITE } from "../content";
import { Logo } from "./logo";
import { buttonStyles, wrap } from "./ui";

/** Closing call to action above the footer. */
export function ClosingCta() {
  return (
    <section aria-labelledby="cta-title" className="py-20 sm:py-24 below-fold">
      <div className={wrap}>
        <div className="relative isolate overflow-hidden rounded-3xl bg-brand-gradient px-6 py-14 text-center shadow-xl sm:px-12">
          <h2 id="cta-title" className="text-3xl font-bold tracking-tight text-balance text-white sm:text-4xl">
            Your next image is one prompt away
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg text-white">
            Open the demo now, or sign up to use FLUX and SDXL with free starter credits.
          </p>
          <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
            <a
              href={ROUTES.signUp}
              className={`${buttonStyles.lg} inline-flex items-center justify-center gap-2 rounded-lg bg-white font-semibold text-primary-solid shadow-sm transition-colors duration-200 hover:bg-white/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white [&_svg]:size-4`}
            >
              Sign up free <ArrowRight aria-hidden="true" />
            </a>
            <a
              href={ROUTES.tryDemo}
              className={`${buttonStyles.lg} inline-flex items-center justify-center rounded-lg border border-white/70 font-semibold text-white transition-colors duration-200 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white`}
            >
              Try the demo
            </a>
          </div>
        </div>
      </div>
    </section>
  );
}

/** Share intents carry only the address: each network shows the page's Open Graph card. */
function shareLinks(url: string) {
  const u = encodeURIComponent(url);
  return [
    { label: "X", href: `https://x.com/intent/post?url=${u}` },
    { label: "Bluesky", href: `https://bsky.app/intent/compose?text=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
}

function Column({ title, links }: { title: string; links: { href: string; label: string; external?: boolean }[] }) {
  return (
    <div>
      <h2 className="text-sm font-semibold text-foreground">{title}</h2>
      <ul className="mt-4 space-y-3 text-sm">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} className="foot-link" {...(l.external ? { rel: "noopener" } : {})}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Footer({ siteUrl, year }: { siteUrl: string; year: number }) {
  return (
    <footer className="below-fold border-t border-border bg-surface">
      <div className={`${wrap} grid grid-cols-2 gap-x-6 gap-y-10 py-14 lg:grid-cols-[1.4fr_1fr_1fr_1fr]`}>
        <div className="col-span-2 lg:col-span-1">
          <a href="/" className="inline-flex items-center gap-2 rounded-md text-lg font-bold text-foreground">
            <Logo id="logo-footer" className="size-8" />
            {SITE.name}
          </a>
          <p className="mt-4 max-w-xs text-sm text-muted-foreground">{SITE.tagline}</p>
        </div>
        <Column
          title="Product"
          links={[...NAV_LINKS, { href: "#gallery", label: "Gallery" }, { href: "#use-cases", label: "Use cases" }]}
        />
        <Column
          title="Get started"
          links={[
            { href: ROUTES.tryDemo, label: "Try the demo" },
            { href: ROUTES.signUp, label: "Sign up" },
            { href: ROUTES.signIn, label: "Sign in" },
            { href: ROUTES.app, label: "Open the app" },
          ]}
        />
        <Column
          title="Share Image Studio"
          links={shareLinks(siteUrl).map((s) => ({ ...s, label: `Share on ${s.label}`, external: true }))}
        />
      </div>
      <div
        className={`${wrap} flex flex-col gap-2 border-t border-border py-6 text-sm text-muted-foreground sm:flex-row sm:justify-between`}
      >
        <p>
          © {year} {SITE.name}
        </p>
        <p>
          AI models run on{" "}
          <a href="https://fal.ai" rel="noopener" className="foot-link underline underline-offset-4">
            fal.ai
          </a>
          . The local sketch engine is not AI.
        </p>
      </div>
    </footer>
  );
}
