import { controlVariants, Field } from "@/components/ui/field";
import { ALL_WORKSPACES } from "@/lib/api-tokens/schema";

type Props = {
  label: string;
  workspaces: ReadonlyArray<{ id: string; name: string }>;
  value: string;
  onChange: (scope: string) => void;
  error?: string;
};

/** The workspaces a token may use: one of the person's, or all of them (Settings and the extension's connect page). */
export function ScopeField({ label, workspaces, value, onChange, error }: Props) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)} className={controlVariants({ invalid: Boolean(error) })}>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              Only {w.name}
            </option>
          ))}
          <option value={ALL_WORKSPACES}>All my workspaces</option>
        </select>
      )}
    </Field>
  );
}
