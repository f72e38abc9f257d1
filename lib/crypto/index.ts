import crypto from "node:crypto";

/**
 * Secrets at rest (Notion tokens): AES-256-GCM, a fresh 96-bit nonce per value, and a versioned
 * envelope `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url parts). The key id lets several keys
 * decrypt while only the first encrypts, so keys can rotate without a migration. `context` is bound
 * as additional authenticated data: a value copied to another row (another context) will not decrypt.
 */
const VERSION = "v1";
const NONCE_BYTES = 12;

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Could not decrypt a stored secret: ${reason}`);
    this.name = "DecryptionError";
  }
}

type Key = { id: string; material: Buffer };

function toKey(base64: string): Key {
  const material = Buffer.from(base64, "base64");
  if (material.length !== 32) throw new Error("An encryption key must be 32 bytes in base64");
  // A short fingerprint, not the key: enough to pick the right key, useless to an attacker.
  const id = crypto.createHash("sha256").update(material).digest("base64url").slice(0, 8);
  return { id, material };
}

export type SecretBox = {
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
};

/** keys[0] encrypts; every key decrypts. */
export function createSecretBox(keys: string[]): SecretBox {
  if (keys.length === 0) throw new Error("createSecretBox needs at least one key");
  const parsed = keys.map(toKey);
  const current = parsed[0]!;
  const byId = new Map(parsed.map((k) => [k.id, k]));

  return {
    encrypt(plaintext, context) {
      const nonce = crypto.randomBytes(NONCE_BYTES);
      const cipher = crypto.createCipheriv("aes-256-gcm", current.material, nonce);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, current.id, nonce, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    decrypt(envelope, context) {
      const parts = envelope.split(".");
      if (parts.length !== 5) throw new DecryptionError("malformed value");
      const [version, keyId, nonce, ciphertext, tag] = parts as [string, string, string, string, string];
      if (version !== VERSION) throw new DecryptionError(`unknown format ${version}`);
      const key = byId.get(keyId);
      if (!key) throw new DecryptionError(`no key with id ${keyId} is configured`);
      const tagBytes = Buffer.from(tag, "base64url");
      const nonceBytes = Buffer.from(nonce, "base64url");
      if (tagBytes.length !== 16 || nonceBytes.length !== NONCE_BYTES) throw new DecryptionError("malformed value");
      try {
        const decipher = crypto.createDecipheriv("aes-256-gcm", key.material, nonceBytes);
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptionError("the value was tampered with or belongs elsewhere");
      }
    },
  };
}
