import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StandalonePage } from "@/app/_components/standalone-page";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { extensionTokenName } from "@/lib/api-tokens/extension-grants";
import { confirmExtensionSchema, pairingCode } from "@/lib/api-tokens/schema";
import { landingWorkspaceId, listUserWorkspaces } from "@/lib/workspaces/queries";
import { ConnectExtensionForm } from "./connect-form";

export const metadata: Metadata = { title: "Connect the Shelf extension" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The extension's "Connect with Shelf" opens this page with ?challenge=&browser= (decision 029).
 * Signed out, it signs in and comes back. Nothing is created until the person says yes.
 */
export default async function ConnectExtensionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const request = confirmExtensionSchema.pick({ challenge: true, browser: true }).safeParse({ challenge: first(params.challenge), browser: first(params.browser) ?? "" });
  if (!request.success) {
    return (
      <StandalonePage title="Connect the Shelf extension">
        <p role="alert" className="text-sm">
          {request.error.issues[0]?.message}
        </p>
      </StandalonePage>
    );
  }
  const here = `/connect/extension?${new URLSearchParams({ challenge: request.data.challenge, browser: request.data.browser })}`;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);

  const db = await getDb();
  const [workspaces, lastUsed] = await Promise.all([listUserWorkspaces(db, user.id), landingWorkspaceId(db, user.id)]);
  return (
    <StandalonePage title="Connect the Shelf extension">
      <ConnectExtensionForm
        challenge={request.data.challenge}
        browser={request.data.browser}
        code={pairingCode(request.data.challenge)}
        tokenName={extensionTokenName(request.data.browser)}
        workspaces={workspaces.map((w) => ({ id: w.id, name: w.name ?? "Untitled workspace" }))}
        defaultScope={lastUsed ?? workspaces[0]?.id ?? "all"}
      />
    </StandalonePage>
  );
}
