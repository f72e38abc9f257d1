import { describe, expect, it } from "vitest";
import { RateLimitedError, UserFacingError } from "@/lib/errors";
import { describeFailure } from "./safe-action";

describe("describeFailure", () => {
  it("passes a limit's wait on, so every rate-limited answer carries retryAfterSeconds", () => {
    expect(describeFailure(new RateLimitedError("Please wait 42 seconds.", 42))).toEqual({
      ok: false,
      error: "Please wait 42 seconds.",
      code: "rate_limited",
      retryAfterSeconds: 42,
    });
  });

  it("shows a user-facing message as is and hides anything else", () => {
    expect(describeFailure(new UserFacingError("Not here.", "not_found"))).toEqual({ ok: false, error: "Not here.", code: "not_found", fieldErrors: undefined });
    expect(describeFailure(new Error("secret internals"))).toMatchObject({ ok: false, code: "failed", error: expect.not.stringContaining("secret") });
  });
});
