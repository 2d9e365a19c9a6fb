import { createHash, createHmac } from "node:crypto";

/**
 * AWS Signature Version 4 query-string signing of a GET (a "presigned URL"), as specified in
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html — checked against that page's
 * worked example in presign.test.ts. Written here rather than pulling in @aws-sdk/s3-request-presigner: one GET,
 * no body, `host` the only signed header.
 */

export interface PresignInput {
  /** Where the browser will send the request: scheme, host and, for path-style addressing, `/<bucket>`. */
  base: URL;
  /** The object key, unencoded. */
  key: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The signing time; the URL is valid from then for `expiresIn` seconds. */
  signedAt: Date;
  expiresIn: number;
  /** Extra query parameters that are signed too, e.g. `response-content-disposition`. */
  query?: Record<string, string>;
}

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const sha256 = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");

/** `20130524T000000Z` */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function presignGet(input: PresignInput): string {
  const when = amzDate(input.signedAt);
  const day = when.slice(0, 8);
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const basePath = input.base.pathname.replace(/\/+$/, "");
  const path = `${basePath}/${input.key.split("/").map(enc).join("/")}`;
  const params: Record<string, string> = {
    ...input.query,
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `${input.accessKeyId}/${scope}`,
    "X-Amz-Date": when,
    "X-Amz-Expires": String(input.expiresIn),
    "X-Amz-SignedHeaders": "host",
  };
  const query = Object.keys(params)
    .sort()
    .map((k) => `${enc(k)}=${enc(params[k]!)}`)
    .join("&");
  const canonical = ["GET", path, query, `host:${input.base.host}`, "", "host", "UNSIGNED-PAYLOAD"].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", when, scope, sha256(canonical)].join("\n");
  const kDate = hmac(`AWS4${input.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, input.region), "s3"), "aws4_request");
  const signature = createHmac("sha256", kSigning).update(toSign, "utf8").digest("hex");
  return `${input.base.protocol}//${input.base.host}${path}?${query}&X-Amz-Signature=${signature}`;
}
