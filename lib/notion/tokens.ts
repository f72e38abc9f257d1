import { createSecretBox, type SecretBox } from "@/lib/crypto";
import { env } from "@/lib/env";

let box: SecretBox | undefined;
function secretBox(): SecretBox {
  box ??= createSecretBox(env().tokenEncryptionKeys);
  return box;
}

type TokenKind = "access" | "refresh";

// Bound to the bot and the kind, so a token copied to another row or column will not decrypt.
const context = (botId: string, kind: TokenKind) => `notion-${kind}-token:${botId}`;

export function sealToken(token: string, botId: string, kind: TokenKind): string {
  return secretBox().encrypt(token, context(botId, kind));
}

export function openToken(envelope: string, botId: string, kind: TokenKind): string {
  return secretBox().decrypt(envelope, context(botId, kind));
}
