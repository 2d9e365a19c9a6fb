/**
 * Renders the landing page to static HTML at build time (see build/plugin.ts). Runs in Node only; the browser
 * gets plain HTML + CSS and the small enhancement script, never React.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { Faq } from "./components/faq";
import { Features } from "./components/features";
import { ClosingCta, Footer } from "./components/footer";
import { Gallery } from "./components/gallery";
import { Header } from "./components/header";
import { Hero } from "./components/hero";
import { Models } from "./components/models";
import { Pricing } from "./components/pricing";
import { UseCases } from "./components/use-cases";
import { compactIcons } from "./compact";
import { headTags } from "./head";
import type { LandingData, RenderedLanding } from "./types";

function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-lg bg-primary-solid px-4 py-2 font-semibold text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
    >
      Skip to content
    </a>
  );
}

/**
 * What the first render lays out, whose text picks the first font cut: the header, the hero and the section after
 * it — `below-fold` (content-visibility: auto) skips a section only beyond Chrome's margin around the viewport,
 * and on a phone the features start within it.
 */
function FirstScreen({ data }: { data: LandingData }) {
  return (
    <>
      <SkipLink />
      <Header />
      <Hero images={data.hero} prompt={data.heroPrompt} />
      <Features />
    </>
  );
}

function Page({ data }: { data: LandingData }) {
  return (
    <>
      <SkipLink />
      <Header />
      <main id="main" tabIndex={-1} className="outline-none">
        <Hero images={data.hero} prompt={data.heroPrompt} />
        <Features />
        <Models models={data.models} />
        <Gallery gallery={data.gallery} />
        <UseCases />
        <Pricing models={data.models} signupCredits={data.signupCredits} />
        <Faq />
        <ClosingCta />
      </main>
      <Footer siteUrl={data.siteUrl} year={data.year} />
    </>
  );
}

export function renderLanding(data: LandingData): RenderedLanding {
  return {
    head: headTags(data),
    body: compactIcons(renderToStaticMarkup(<Page data={data} />)),
    firstScreen: renderToStaticMarkup(<FirstScreen data={data} />),
  };
}
