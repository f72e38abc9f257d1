import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Sign-in problems, as the sign-in page names them in `?error=`. next-auth reports every failed
 * OAuth callback as "OAuthCallback"; the route records the real cause here so the page can say it.
 */
export const SIGN_IN_ERRORS = {
  AccessDenied: "You didn't grant Shelf access in Notion, so nothing was connected. Try again whenever you're ready.",
  StateMismatch:
    "This sign-in link had expired or was not started from this browser, so Shelf refused it to keep your account safe. Please sign in again.",
  CodeRejected: "Notion did not accept this sign-in (the link was already used or has expired). Please sign in again.",
  NotionUnreachable: "Shelf could not reach Notion just now. Check your connection and try again in a moment.",
  ConfigurationError:
    "Shelf's connection to Notion is misconfigured (Notion refused its client credentials). Nothing was connected; please tell the person who runs this Shelf.",
  WorkspaceOwner:
    "Notion connected a workspace-owned integration without a person. Sign in as yourself by choosing your own account in Notion.",
  AccountLinkedToAnotherUser:
    "That Notion account already belongs to another Shelf user. Sign out first, then sign in with that Notion account.",
  WorkspaceNotSaved: "Notion signed you in, but Shelf could not save the workspace. Nothing was half-connected; please try again.",
  SessionRequired: "Please sign in to continue.",
  TooManyAttempts: "Too many sign-in attempts from your network. Please wait a few minutes and try again.",
  Unknown: "Sign-in didn't work. Please try again.",
} as const;

export type SignInError = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInError] : SIGN_IN_ERRORS.Unknown;
}

const callbackContext = new AsyncLocalStorage<{ error?: SignInError }>();

export function withSignInErrorContext<T>(fn: () => Promise<T>): Promise<{ result: T; error?: SignInError }> {
  const store: { error?: SignInError } = {};
  return callbackContext.run(store, async () => ({ result: await fn(), error: store.error }));
}

/** Records why the current OAuth callback failed (no-op outside the auth route). */
export function recordSignInError(error: SignInError): void {
  const store = callbackContext.getStore();
  if (store && !store.error) store.error = error;
}
