/**
 * A 44 × 44 px hit area centred on a small control (checkbox, switch, radio, slider thumb) without changing how it
 * looks: an invisible ::after that takes the taps. Larger controls grow to 44 px on coarse pointers instead.
 */
export const touchHitArea =
  "relative after:absolute after:top-1/2 after:left-1/2 after:size-11 after:-translate-x-1/2 after:-translate-y-1/2 after:content-['']";
