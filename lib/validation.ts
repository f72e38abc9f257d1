import type { z } from "zod";

/**
 * First message per top-level field ("tags" for an error on any tag), for
 * showing next to form fields. Errors not tied to a field go under "form".
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    const field = key === undefined ? "form" : String(key);
    errors[field] ??= issue.message;
  }
  return errors;
}
