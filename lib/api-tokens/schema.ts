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
