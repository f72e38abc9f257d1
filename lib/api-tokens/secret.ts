import crypto from "node:crypto";

/** Secret scanners recognise Shelf tokens by this prefix (docs/decisions/027-rest-api-and-personal-tokens.md). */
export const TOKEN_PREFIX = "shelf_";
// 32 random bytes (256 bits) in base64url are 43 characters.
const TOKEN_PATTERN = /^shelf_[A-Za-z0-9_-]{43}$/;
// Enough to tell tokens apart on the settings screen, far too little to guess the rest from.
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 4;

export function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

/** What is stored and looked up: SHA-256 in hex. A 256-bit secret needs no salt or slow hash. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export const shownPrefix = (token: string) => token.slice(0, SHOWN_CHARACTERS);

export const looksLikeToken = (value: string) => TOKEN_PATTERN.test(value);
