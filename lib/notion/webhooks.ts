import { verifyWebhookSignature } from "@notionhq/client";

/** Whether a webhook body carries Notion's signature made with the subscription's verification token. */
export function verifyNotionSignature(rawBody: string, signature: string | null, verificationToken: string): Promise<boolean> {
  return verifyWebhookSignature({ body: rawBody, signature: signature ?? undefined, verificationToken });
}
