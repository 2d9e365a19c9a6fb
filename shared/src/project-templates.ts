/**
 * Ready-made project templates, offered in the new-project dialog beside the user's own templates (projects saved
 * with isTemplate). They are constants, not rows: every user sees the same ones, and `POST /api/projects` accepts
 * their id as `templateId`. Their models are catalog ids and their parameters pass the catalog's validation
 * (project-templates.test.ts checks both).
 */
export interface BuiltinProjectTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly settings: {
    readonly defaultModelId: string;
    readonly defaultParameters: Readonly<Record<string, unknown>>;
    readonly promptStarters: readonly string[];
  };
}

export const BUILTIN_PROJECT_TEMPLATES: readonly BuiltinProjectTemplate[] = [
  {
    id: "builtin-product-shots",
    name: "Product shots",
    description: "Clean, well-lit photographs of a product for a shop or a catalogue.",
    category: "Product photography",
    tags: ["product"],
    settings: {
      defaultModelId: "fal-ai/flux-pro/v1.1",
      defaultParameters: { aspectRatio: "1:1", stylePreset: "photographic" },
      promptStarters: [
        "Studio product photo of [product] on a seamless white background, soft box lighting, subtle shadow",
        "[product] on a marble countertop, morning window light, shallow depth of field",
        "Flat lay of [product] with complementary props, top-down, pastel backdrop",
      ],
    },
  },
  {
    id: "builtin-character-design",
    name: "Character design",
    description: "Explore a character: turnarounds, expressions and outfits in one consistent style.",
    category: "Illustration",
    tags: ["character"],
    settings: {
      defaultModelId: "fal-ai/flux/dev",
      defaultParameters: { aspectRatio: "3:4", stylePreset: "digital-art", numImages: 4 },
      promptStarters: [
        "Character sheet of [character], front, side and back views, neutral pose, plain background",
        "Expression sheet of [character]: happy, angry, surprised, thoughtful",
        "[character] in full costume, dynamic pose, concept art",
      ],
    },
  },
  {
    id: "builtin-social-media",
    name: "Social media posts",
    description: "Eye-catching square images for feeds, in quick batches to choose from.",
    category: "Marketing",
    tags: ["social"],
    settings: {
      defaultModelId: "fal-ai/flux/schnell",
      defaultParameters: { aspectRatio: "1:1", numImages: 4 },
      promptStarters: [
        "Bold, colourful illustration announcing [event], lots of negative space for a headline",
        "Lifestyle photo of people enjoying [product], bright and candid",
        "Seasonal background for a [holiday] post, festive, soft bokeh",
      ],
    },
  },
  {
    id: "builtin-logo-exploration",
    name: "Logo exploration",
    description: "Simple marks and wordmarks to try out directions for a brand.",
    category: "Branding",
    tags: ["logo"],
    settings: {
      defaultModelId: "fal-ai/flux/dev",
      defaultParameters: { aspectRatio: "1:1", stylePreset: "minimalist", numImages: 4 },
      promptStarters: [
        'Minimal flat vector logo for "[brand]", a [symbol] mark, two colours, white background',
        'Wordmark logo reading "[brand]", modern geometric sans-serif, black on white',
        "Badge-style emblem logo for a [kind of business], simple line work",
      ],
    },
  },
];

/** The built-in ids, for `z.enum` (a uuid can never look like one: they start with "builtin-"). */
export const BUILTIN_PROJECT_TEMPLATE_IDS = BUILTIN_PROJECT_TEMPLATES.map((t) => t.id) as [string, ...string[]];

export function findBuiltinTemplate(id: string): BuiltinProjectTemplate | undefined {
  return BUILTIN_PROJECT_TEMPLATES.find((t) => t.id === id);
}
