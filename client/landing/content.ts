/** The landing page's words: navigation, features, use cases and FAQ. Kept apart from layout so copy edits stay small. */

export const SITE = {
  name: "Image Studio",
  title: "Image Studio — make, iterate on and keep AI images, online or off",
  description:
    "Make images with FLUX, SDXL and more, iterate on them, sort them into projects and keep them offline on any device. Try the demo without signing up.",
  tagline: "Make, iterate on and keep AI images — online or off.",
} as const;

export const ROUTES = {
  signIn: "/sign-in",
  signUp: "/sign-up",
  /** Guest session on the local sketch engine: no sign-up (see the /try route in the app). */
  tryDemo: "/try",
  app: "/dashboard",
} as const;

export const NAV_LINKS = [
  { href: "#features", label: "Features" },
  { href: "#models", label: "Models" },
  { href: "#pricing", label: "Pricing" },
  { href: "#faq", label: "FAQ" },
] as const;

export type FeatureIcon = "models" | "iterate" | "projects" | "offline" | "queue" | "private";

export const FEATURES: { icon: FeatureIcon; title: string; text: string }[] = [
  {
    icon: "models",
    title: "Many models, one prompt box",
    text: "FLUX Pro, Dev and Schnell, Stable Diffusion XL and more through fal.ai — with speed, quality and the cost in credits shown before you generate.",
  },
  {
    icon: "iterate",
    title: "Iterate without losing a step",
    text: "Variations with seed control, remix, image-to-image, inpainting, upscaling and background removal. Every result lands in a history tree you can branch from.",
  },
  {
    icon: "projects",
    title: "Projects and collections",
    text: "Give each project its own defaults, gather favourites into collections, tag and rate images, and drag them where they belong.",
  },
  {
    icon: "offline",
    title: "Galleries that work offline",
    text: "Install Image Studio like an app. Your images, prompts and metadata stay on the device; changes made offline sync when you are back.",
  },
  {
    icon: "queue",
    title: "Batches on a queue that keeps going",
    text: "Run a list of prompts, a template or a CSV in one go, with pause, resume, priorities and a time estimate. Jobs survive restarts, update live on every device, and credits are held up front and refunded when a job fails.",
  },
  {
    icon: "private",
    title: "Private, and shared on your terms",
    text: "Your images stay in your account until you share a link — with a password, an expiry and downloads on or off, revocable at any time — or share projects with your team. The default start is safe to open from your phone on your network.",
  },
];

export type UseCaseIcon = "concept" | "marketing" | "product" | "story";

export const USE_CASES: { icon: UseCaseIcon; title: string; text: string }[] = [
  {
    icon: "concept",
    title: "Concept art and moodboards",
    text: "Explore a direction with fast drafts, then push the keepers to a high-quality model and collect them on a board.",
  },
  {
    icon: "marketing",
    title: "Marketing and social visuals",
    text: "Produce on-brand variations for every channel and aspect ratio, with the prompt and seed saved for next month's campaign.",
  },
  {
    icon: "product",
    title: "Product and UI mock-ups",
    text: "Fill layouts with placeholder imagery, cut products out of their backgrounds and upscale the final picks.",
  },
  {
    icon: "story",
    title: "Illustration and storytelling",
    text: "Keep characters consistent with LoRAs and fixed seeds, and organise a story's scenes into one project.",
  },
];

export const FAQ: { id: string; question: string; answer: string }[] = [
  {
    id: "what-is-ai-image-generation",
    question: "What is AI image generation?",
    answer:
      "A text-to-image model turns a written description (the prompt) into a picture. Diffusion models such as FLUX and Stable Diffusion start from random noise and remove it step by step, steered by your prompt, until an image appears.",
  },
  {
    id: "which-model",
    question: "Which model should I use?",
    answer:
      "FLUX.1 [schnell] and SDXL Lightning are fast and cheap — good for drafts and batches. FLUX.1 [dev] is a strong all-rounder, and FLUX1.1 [pro] gives the best detail for final images. Stable Diffusion XL supports negative prompts and community LoRAs. Each model card lists what it is best at, its speed, quality and price.",
  },
  {
    id: "cost",
    question: "How much does an image cost?",
    answer:
      "Prices are in credits: 1 credit is US$0.001. Some models charge per image, others per megapixel (a 1024×1024 image is one megapixel). The studio shows the exact cost before you generate; the local sketch engine takes one nominal credit per image.",
  },
  {
    id: "sketch-engine",
    question: "What is the local sketch engine?",
    answer:
      "A small, deterministic drawing engine that runs on the Image Studio server. It turns a prompt and a seed into procedural shapes — it is not AI. It needs no fal.ai key, takes one nominal credit per image (so starter credits last a long time) and powers the demo, so you can try every screen of the app before spending money on AI.",
  },
  {
    id: "prompts",
    question: "How do I write a good prompt?",
    answer:
      'Describe the subject first, then the setting, style, lighting and composition: "a red fox in fresh snow, golden hour, telephoto photograph". Add detail in small steps and compare results side by side. Negative prompts (on models that support them) list what to leave out.',
  },
  {
    id: "seed-guidance-steps",
    question: "What do seed, guidance and steps do?",
    answer:
      "The seed fixes the starting noise, so the same prompt and seed give the same image — change only the seed to get variations. Guidance sets how literally the model follows the prompt. Steps are denoising passes: more are slower and add detail up to a point.",
  },
  {
    id: "offline",
    question: "Can I use Image Studio offline?",
    answer:
      "Yes. Install it from your browser and your saved images, prompts and projects are kept on the device. You can browse, sort and tag offline; new generations and changes are queued and sent when you are back online.",
  },
  {
    id: "rights",
    question: "Can I use the images commercially?",
    answer:
      "That depends on the model's licence and fal.ai's terms, which differ between models — check the model's page (linked from each model card) before commercial use. Your images stay private to your account.",
  },
];
