/** Product limits shared by the API and the client (forms show the same bounds the server enforces). */
export const LIMITS = {
  promptMaxLength: 4000,
  negativePromptMaxLength: 2000,
  tagMaxLength: 48,
  tagsPerImage: 32,
  nameMaxLength: 120,
  descriptionMaxLength: 4000,
  commentMaxLength: 4000,
  passwordMinLength: 8,
  passwordMaxLength: 128,
  uploadMaxBytes: 20 * 1024 * 1024,
  uploadMaxPixels: 40_000_000,
  avatarMaxBytes: 5 * 1024 * 1024,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  /** JSON request bodies (uploads are multipart and have their own limit). */
  jsonBodyMaxBytes: 1024 * 1024,
  /** Deepest nesting a JSON body may have. */
  jsonMaxDepth: 32,
  /** Free-form JSON blobs (model parameters, project defaults). */
  jsonBlobMaxBytes: 16 * 1024,
} as const;
