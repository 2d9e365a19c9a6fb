/**
 * The data the landing page is rendered from. Built in Node at build time (client/landing/build) and passed to
 * renderLanding(); nothing here runs in the browser.
 */

/** One encoded rendition of an image, served from /assets with a content hash. */
export interface ImageSource {
  url: string;
  width: number;
  height: number;
}

/** An image in AVIF and WebP at a few widths; `fallback` is the WebP the <img> points at. */
export interface ResponsiveImage {
  avif: ImageSource[];
  webp: ImageSource[];
  fallback: ImageSource;
  /** Intrinsic aspect (width / height), so the <img> reserves its box before it loads. */
  width: number;
  height: number;
  alt: string;
}

/**
 * Where the example gallery's pictures come from. Today only "sketch-engine" exists: artwork drawn at build
 * time by the local (non-AI) engine. When users can publish images, "community" items (their own prompt and
 * model) replace it — see gallery.ts.
 */
export type GallerySource = "community" | "sketch-engine";

export interface GalleryItem {
  image: ResponsiveImage;
  prompt: string;
  /** Model display name ("Local sketch" for build-time artwork). */
  model: string;
  seed?: number;
  /** Credit line for community images ("shared by …"); absent for build-time artwork. */
  author?: string;
  /** Link to the public share page of a community image. */
  href?: string;
}

export interface Gallery {
  source: GallerySource;
  items: GalleryItem[];
}

/** What the model showcase and the pricing table need from a catalog entry. */
export interface LandingModel {
  id: string;
  provider: "fal" | "local";
  displayName: string;
  description: string;
  bestFor: string[];
  /** 1 (slow) … 5 (fast). */
  speed: number;
  /** 1 (rough) … 5 (best). */
  quality: number;
  /** Credits per unit; 1 credit = US$0.001. */
  credits: number;
  unit: "image" | "megapixel" | "second";
  priceConfirmed: boolean;
  /** Makes new images from a prompt (shown in the carousel); utilities appear only in the price table. */
  generates: boolean;
  docsUrl?: string;
}

export interface LandingData {
  /** Absolute origin + base path the page is published at, no trailing slash (canonical, Open Graph, sitemap). */
  siteUrl: string;
  models: LandingModel[];
  hero: ResponsiveImage[];
  /** The prompt shown in the hero's studio mock-up (the prompt the hero artwork was drawn from). */
  heroPrompt: string;
  gallery: Gallery;
  /** Credits a new account starts with (the server's SIGNUP_CREDITS default). */
  signupCredits: number;
  /** Build year, for the footer. */
  year: number;
}

export interface RenderedLanding {
  /** Tags for <head>: title, description, canonical, Open Graph, Twitter, JSON-LD, preloads. */
  head: string;
  /** Everything inside <body>. */
  body: string;
  /**
   * The markup of what the first render lays out: the skip link, the header, the hero and the features (later
   * sections are `below-fold`, skipped until they near the viewport). Not served: its characters choose the
   * preloaded font cut.
   */
  firstScreen: string;
}
