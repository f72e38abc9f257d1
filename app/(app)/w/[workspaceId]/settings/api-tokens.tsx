"use client";

import { Check, Copy, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { ScopeField } from "@/components/api-tokens/scope-field";
import { Button } from "@/components/ui/button";
import { controlVariants, Field, Input } from "@/components/ui/field";
import { TOKEN_EXPIRY_DAYS } from "@/lib/api-tokens/schema";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

/** A token as the list shows it, its times already in words (formatted on the server). */
export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  permission: string;
  created: string;
  expires: string;
  lastUsed: string;
  /** "Revoked" or "Expired"; null while the token works. */
  inactive: string | null;
};

type Props = { tokens: TokenRow[]; workspaces: Array<{ id: string; name: string }>; currentWorkspaceId: string };

const EXPIRY_LABELS: Record<(typeof TOKEN_EXPIRY_DAYS)[number], string> = {
  "7": "In 7 days",
  "30": "In 30 days",
  "90": "In 90 days",
  "365": "In a year",
  never: "Never",
};

export function ApiTokens({ tokens, workspaces, currentWorkspaceId }: Props) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  return (
    <div className="flex flex-col gap-5">
      {created ? <NewToken {...created} onDone={() => setCreated(null)} /> : <CreateTokenForm workspaces={workspaces} currentWorkspaceId={currentWorkspaceId} onCreated={setCreated} />}
      {tokens.length === 0 ? (
        <p className="rounded-md border border-dashed border-line p-4 text-sm text-muted">No tokens yet. Scripts, Shortcuts and the browser extension each get their own.</p>
      ) : (
        <ul aria-label="API tokens" className="divide-y divide-line rounded-lg border border-line">
          {tokens.map((token) => (
            <TokenItem key={token.id} token={token} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CreateTokenForm({ workspaces, currentWorkspaceId, onCreated }: Omit<Props, "tokens"> & { onCreated: (created: { name: string; token: string }) => void }) {
  const id = useId();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState({ name: "", scope: currentWorkspaceId, permission: "write", expiresInDays: "90" });
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = () =>
    start(async () => {
      const result = await createApiTokenAction(draft as Parameters<typeof createApiTokenAction>[0]);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
        return;
      }
      setErrors({});
      onCreated({ name: result.data.summary.name, token: result.data.token });
      router.refresh();
    });

  return (
    <form
      aria-label="New API token"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      className="grid gap-3 sm:grid-cols-2"
    >
      <Field label="Name" error={errors.name} className="sm:col-span-2">
        <Input value={draft.name} placeholder="e.g. Raycast, iPhone Shortcut" maxLength={100} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <ScopeField label="Workspaces" workspaces={workspaces} value={draft.scope} onChange={(scope) => set({ scope })} error={errors.scope} />
      <Field label="Expires">
        {(control) => (
          <select {...control} value={draft.expiresInDays} onChange={(e) => set({ expiresInDays: e.target.value })} className={controlVariants()}>
            {TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {EXPIRY_LABELS[days]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-xs font-medium text-muted">Permission</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {[
            ["write", "Read and write"],
            ["read", "Read only"],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name={`${id}-permission`} value={value} checked={draft.permission === value} onChange={() => set({ permission: value! })} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary" disabled={pending}>
          <KeyRound className="size-4" aria-hidden /> {pending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}

/** The token, this once: only its hash is kept, so closing this loses it for good. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="flex flex-col gap-3 rounded-md border border-line-strong bg-surface p-4" data-testid="new-token">
      <p className="text-sm font-medium">Your new token “{name}”</p>
      <p className="text-sm text-muted">Copy it now: Shelf keeps only a fingerprint of it and can&apos;t show it again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <input readOnly aria-label="New API token" value={token} onFocus={(e) => e.target.select()} className={`${controlVariants()} min-w-0 flex-1 font-mono text-xs`} />
        <Button
          onClick={() =>
            void navigator.clipboard.writeText(token).then(
              () => setCopied(true),
              () => toast.error("Copying failed; select the token and copy it yourself."),
            )
          }
        >
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />} {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <Button variant="quiet" className="self-start" onClick={onDone}>
        Done, I&apos;ve copied it
      </Button>
    </div>
  );
}

function TokenItem({ token }: { token: TokenRow }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const revoke = () =>
    start(async () => {
      const result = await revokeApiTokenAction({ id: token.id });
      if (!result.ok) return void toast.error(result.error);
      toast.success(`Revoked “${token.name}”. Requests with it are refused from now on.`);
      setConfirming(false);
      router.refresh();
    });
  return (
    <li className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between" aria-label={token.name}>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="break-words">{token.name}</span>
          <code className="rounded bg-surface px-1.5 py-0.5 text-xs text-muted">{token.prefix}…</code>
          {token.inactive && <span className="rounded border border-line px-1.5 text-xs text-muted">{token.inactive}</span>}
        </p>
        <p className="mt-1 text-sm text-muted">
          {token.permission} · {token.scope}
        </p>
        <p className="text-sm text-muted">
          {token.created} · {token.expires} · <span data-testid="token-last-used">{token.lastUsed}</span>
        </p>
      </div>
      {!token.inactive &&
        (confirming ? (
          <div className="flex shrink-0 gap-2">
            <Button variant="danger" disabled={pending} onClick={revoke}>
              {pending ? "Revoking…" : "Revoke now"}
            </Button>
            <Button disabled={pending} onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
            Revoke
          </Button>
        ))}
    </li>
  );
}
