import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * A failed save's message where the form does not show it: field errors sit by their fields and
 * "Already saved" is the form's own answer; anything else Notion or Shelf said goes in a toast.
 */
export function reportFailure(result: ActionResult<unknown>) {
  if (!result.ok && !result.fieldErrors && result.code !== "duplicate") toast.error(result.error);
}
