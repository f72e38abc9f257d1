import { APIErrorCode, isHTTPResponseError, RequestTimeoutError } from "@notionhq/client";
import { UserFacingError } from "@/lib/errors";
import { ReconnectRequiredError } from "./client";

/** What a failed Notion call means for the person, and what the screen should offer. */
export type NotionProblem =
  | { kind: "reconnect"; message: string }
  | { kind: "database_gone"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "busy"; message: string }
  | { kind: "unavailable"; message: string };

export function describeNotionError(error: unknown, what = "Your change was not saved."): NotionProblem | null {
  if (error instanceof ReconnectRequiredError) return { kind: "reconnect", message: error.message };
  if (RequestTimeoutError.isRequestTimeoutError(error)) {
    return { kind: "unavailable", message: `Notion did not answer in time. ${what} Please try again.` };
  }
  if (isHTTPResponseError(error)) {
    switch (error.code) {
      case APIErrorCode.ObjectNotFound:
        return {
          kind: "database_gone",
          message: "Notion can't find this bookmark or its database anymore: it was deleted or is no longer shared with Shelf.",
        };
      case APIErrorCode.ValidationError:
        return { kind: "invalid", message: `Notion refused the change: ${error.message}` };
      case APIErrorCode.RestrictedResource:
        return {
          kind: "invalid",
          message: "Shelf's Notion connection lacks the capability for this (it needs to read, insert and update content).",
        };
      case APIErrorCode.RateLimited:
      case APIErrorCode.ServiceOverload:
        return { kind: "busy", message: `Notion is busy right now. ${what} Please try again in a minute.` };
      case APIErrorCode.ConflictError:
        return { kind: "busy", message: `Notion reported a conflicting edit. ${what} Please try again.` };
    }
    if (error.status >= 500) return { kind: "unavailable", message: `Notion is unavailable. ${what} Please try again shortly.` };
    return null;
  }
  // fetch failures (DNS, refused or reset connections) surface as plain TypeErrors.
  if (error instanceof TypeError) return { kind: "unavailable", message: `Shelf could not reach Notion. ${what} Please try again.` };
  return null;
}

/** A Notion failure as an error to show the person, or null when it is not a Notion failure. */
export function notionFailure(error: unknown, what?: string): UserFacingError | null {
  if (error instanceof UserFacingError) return error;
  const problem = describeNotionError(error, what);
  if (!problem) return null;
  return new UserFacingError(problem.message, problem.kind === "reconnect" ? "reconnect_required" : problem.kind);
}
