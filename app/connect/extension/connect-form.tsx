"use client";

import { CircleCheck, PlugZap } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ScopeField } from "@/components/api-tokens/scope-field";
import { confirmExtensionAction } from "./actions";

type Props = {
  challenge: string;
  browser: string;
  code: string;
  tokenName: string;
  workspaces: Array<{ id: string; name: string }>;
  defaultScope: string;
};

export function ConnectExtensionForm({ challenge, browser, code, tokenName, workspaces, defaultScope }: Props) {
  const [scope, setScope] = useState(defaultScope);
  const [outcome, setOutcome] = useState<"connected" | "declined" | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, start] = useTransition();

  if (outcome === "connected") {
    return (
      <div role="status" className="flex items-start gap-2 text-sm">
        <CircleCheck className="mt-0.5 size-4 shrink-0 text-accent" aria-hidden />
        <p>
          <span className="font-medium">Connected.</span> The extension finishes on its own in a moment; you can close this tab. The token “{tokenName}” is
          listed in Settings, where you can revoke it.
        </p>
      </div>
    );
  }
  if (outcome === "declined") {
    return (
      <p role="status" className="text-sm">
        Nothing was connected. You can close this tab.
      </p>
    );
  }

  const confirm = () =>
    start(async () => {
      const result = await confirmExtensionAction({ challenge, browser, scope });
      if (result.ok) return setOutcome("connected");
      setError({ message: result.fieldErrors?.scope ?? result.error, field: result.fieldErrors?.scope ? "scope" : undefined });
    });

  return (
    <form
      aria-label="Connect the extension"
      className="flex flex-col gap-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        confirm();
      }}
    >
      <p>
        The Shelf extension{browser ? ` in ${browser}` : ""} asks to save and read bookmarks for you. Only say yes if you just pressed{" "}
        <strong>Connect with Shelf</strong> in it, and it shows the same code:
      </p>
      <p aria-label="Pairing code" className="self-start rounded-md border border-line bg-surface px-3 py-1.5 font-mono text-lg tracking-widest">
        {code}
      </p>
      <ScopeField
        label="Workspaces it may use"
        workspaces={workspaces}
        value={scope}
        onChange={setScope}
        error={error?.field === "scope" ? error.message : undefined}
      />
      <p className="text-muted">Shelf creates the API token “{tokenName}” with read and write permission for a year. It is never shown on this page.</p>
      {error && error.field !== "scope" ? (
        <p role="alert" className="text-danger">
          {error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          <PlugZap className="size-4" aria-hidden /> {pending ? "Connecting…" : "Connect"}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOutcome("declined")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
