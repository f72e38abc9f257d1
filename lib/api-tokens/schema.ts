import { z } from "zod";

export const API_PERMISSIONS = ["read", "write"] as const;
export const TOKEN_EXPIRY_DAYS = ["7", "30", "90", "365", "never"] as const;
export const ALL_WORKSPACES = "all";

const NAME_MAX = 100;

/** The settings form's fields for a new token. */
export const createTokenSchema = z.object({
  name: z
    .string({ error: "Give the token a name" })
    .trim()
    .min(1, "Give the token a name, e.g. “Raycast” or “iPhone Shortcut”")
    .max(NAME_MAX, `Names can be at most ${NAME_MAX} characters`)
    .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), "Names can't contain control characters"),
  /** A workspace id, or "all" for every workspace of the person. */
  scope: z.string({ error: "Choose which workspaces the token may use" }).trim().min(1, "Choose which workspaces the token may use").max(100),
  permission: z.enum(API_PERMISSIONS, "Choose read, or read and write"),
  expiresInDays: z.enum(TOKEN_EXPIRY_DAYS, "Choose when the token expires"),
});

export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const tokenIdSchema = z.string().trim().min(1, "Missing token id").max(100);

// 32 bytes in base64url: the extension's verifier, and the SHA-256 of it that names its request.
const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;
const INCOMPLETE_LINK = "This connection link is incomplete. Start again from the extension: Options → Connect with Shelf.";

/** What "Connect" on /connect/extension sends. */
export const confirmExtensionSchema = z.object({
  challenge: z.string({ error: INCOMPLETE_LINK }).regex(BASE64URL_32_BYTES, INCOMPLETE_LINK),
  scope: createTokenSchema.shape.scope,
  /** The browser the extension runs in, as the extension names it, for the token's name. */
  browser: z
    .string()
    .trim()
    .max(40)
    .regex(/^[\p{L}\p{N} ._()-]*$/u)
    .catch(""),
});

export type ConfirmExtensionInput = z.output<typeof confirmExtensionSchema>;

/** What the extension sends to collect its token. */
export const redeemExtensionSchema = z.object({
  verifier: z.string({ error: "Send the verifier" }).regex(BASE64URL_32_BYTES, "The verifier is 43 base64url characters"),
});

/** The pairing code both the extension and Shelf show, so the person can see they are the same request. */
export const pairingCode = (challenge: string) => `${challenge.slice(0, 4)}-${challenge.slice(4, 8)}`;
