/** The fake's webhook signing keys (Ed25519) and the JWKS it serves, as fal does at rest.alpha.fal.ai. */
import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; use: "sig"; alg: "EdDSA" };
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const { x } = publicKey.export({ format: "jwk" }) as { x: string };
  const kid = randomUUID();
  return { kid, privateKey, jwk: { kty: "OKP", crv: "Ed25519", x, kid, use: "sig", alg: "EdDSA" } };
}

export interface SignOptions {
  requestId: string;
  userId: string;
  /** Unix seconds; default now. */
  timestamp?: number;
}

export class WebhookSigner {
  private keys: SigningKey[] = [newKey()];

  /** The JWKS document (every published key). */
  jwks() {
    return { keys: this.keys.map((k) => k.jwk) };
  }

  /** Signs with a new key; `keepOld` keeps the previous keys published (a rotation overlap). */
  rotate(keepOld = false) {
    const key = newKey();
    this.keys = keepOld ? [key, ...this.keys] : [key];
  }

  /** The X-Fal-Webhook-* headers for a raw body, signed with the current key. */
  headers(rawBody: Buffer | string, opts: SignOptions): Record<string, string> {
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const bodyHash = createHash("sha256").update(rawBody).digest("hex");
    const message = Buffer.from([opts.requestId, opts.userId, timestamp, bodyHash].join("\n"), "utf8");
    const signature = sign(null, message, this.keys[0]!.privateKey).toString("hex");
    return {
      "x-fal-webhook-request-id": opts.requestId,
      "x-fal-webhook-user-id": opts.userId,
      "x-fal-webhook-timestamp": timestamp,
      "x-fal-webhook-signature": signature,
    };
  }
}
