export type ErrorCode =
  | "unauthenticated"
  | "not_found"
  | "invalid"
  | "reconnect_required"
  | "needs_setup"
  | "database_gone"
  | "busy"
  | "unavailable"
  | "rate_limited"
  | "duplicate"
  | "failed";

/**
 * A failure whose message is written for the person and safe to show as is. Server actions pass
 * it through; any other error becomes a generic "something went wrong".
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = "failed",
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** The bookmark a new one would repeat, for "Already saved" with a way to open it. */
export type SavedBookmarkRef = { id: string; title: string };

/** A create refused because the workspace already has the link; the person may save it anyway. */
export class AlreadySavedError extends UserFacingError {
  constructor(readonly existing: SavedBookmarkRef) {
    super("This link is already saved.", "duplicate");
    this.name = "AlreadySavedError";
  }
}

/** A limit was reached; the person may try again after `retryAfterSeconds`. */
export class RateLimitedError extends UserFacingError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, "rate_limited");
    this.name = "RateLimitedError";
  }
}
