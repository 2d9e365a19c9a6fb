/**
 * Request bodies of fal's control endpoints (reference §5.4): fal-ai/flux-general (ControlNets, a ControlNet union
 * for pose, the XLabs IP-adapter), fal-ai/flux-control-lora-canny|-depth and fal-ai/sdxl-controlnet-union.
 * Weights are Hugging Face repo ids fal loads by path.
 */
import { ProviderError, type ProviderInput } from "../types";

export const FLUX_CONTROLNETS = {
  canny: "InstantX/FLUX.1-dev-Controlnet-Canny",
  depth: "Shakker-Labs/FLUX.1-dev-ControlNet-Depth",
} as const;
export const FLUX_CONTROLNET_UNION = "InstantX/FLUX.1-dev-Controlnet-Union";
export const FLUX_IP_ADAPTER = { path: "XLabs-AI/flux-ip-adapter", image_encoder_path: "openai/clip-vit-large-patch14" } as const;

/** sdxl-controlnet-union's field prefix per control type. */
const SDXL_UNION_FIELD = { canny: "canny", depth: "depth", pose: "openpose" } as const;

export interface ControlImages {
  /** The control image as sent: our preprocessed map, or the original where the engine preprocesses. */
  control?: string;
  imagePrompts?: string[];
}

type Body = Record<string, unknown>;

export function fluxGeneralFields(input: ProviderInput, images: ControlImages): Body {
  const c = input.control;
  const out: Body = {};
  if (c && images.control) {
    if (c.type === "pose") {
      out.controlnet_unions = [
        {
          path: FLUX_CONTROLNET_UNION,
          controls: [{ control_image_url: images.control, control_mode: "pose", conditioning_scale: c.strength }],
        },
      ];
    } else {
      out.controlnets = [{ path: FLUX_CONTROLNETS[c.type], control_image_url: images.control, conditioning_scale: c.strength }];
    }
  }
  const refs = input.imagePrompts ?? [];
  if (refs.length && images.imagePrompts?.length === refs.length) {
    out.ip_adapters = refs.map((r, i) => ({ ...FLUX_IP_ADAPTER, image_url: images.imagePrompts![i], scale: r.weight }));
  }
  return out;
}

export function controlLoraFields(input: ProviderInput, images: ControlImages): Body {
  if (!input.control || !images.control)
    throw new ProviderError("validation", "This model needs a control image", false);
  return { control_lora_image_url: images.control, control_lora_strength: input.control.strength };
}

export function sdxlUnionFields(input: ProviderInput, images: ControlImages): Body {
  const c = input.control;
  if (!c || !images.control) return {};
  const field = SDXL_UNION_FIELD[c.type];
  return {
    [`${field}_image_url`]: images.control,
    [`${field}_preprocess`]: true,
    controlnet_conditioning_scale: c.strength,
  };
}
