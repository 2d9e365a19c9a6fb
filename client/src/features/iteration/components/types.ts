/** What the iteration tools need to know about an image. */
export interface IterableImage {
  id: string;
  width: number;
  height: number;
  /** A URL of the image (preview or original) to draw under masks and previews. */
  src: string;
}
