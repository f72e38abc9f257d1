"use client";

import { cva } from "class-variance-authority";
import { createContext, useContext, useId } from "react";
import { cn } from "./cn";

/** The look of every text input, textarea and select; `invalid` marks a field with an error. */
export const controlVariants = cva(
  "w-full rounded-md border bg-canvas px-2.5 py-1.5 text-sm text-ink placeholder:text-muted pointer-coarse:py-2.5",
  {
    variants: { invalid: { true: "border-danger", false: "border-line-strong" } },
    defaultVariants: { invalid: false },
  },
);

/** The ids and aria a control needs to be tied to its label, hint and error. */
export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

const FieldContext = createContext<ControlProps | null>(null);

/** For a control inside <Field>: its id and aria, to spread on the element. */
export function useFieldControl(): ControlProps {
  const control = useContext(FieldContext);
  if (!control) throw new Error("useFieldControl is only for controls inside <Field>.");
  return control;
}

type FieldProps = {
  label: React.ReactNode;
  /** Shown after the label in a lighter weight, e.g. "(optional)". */
  hint?: React.ReactNode;
  error?: string;
  /** Visually hidden label (a search box with a placeholder and an icon). */
  hideLabel?: boolean;
  id?: string;
  className?: string;
  /** The control itself, or a function given the props to wire it. */
  children: React.ReactNode | ((control: ControlProps) => React.ReactNode);
};

/** A label, one control, an optional hint and error, wired with ids and aria so the error is read with the field. */
export function Field({ label, hint, error, hideLabel, id: givenId, className, children }: FieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const errorId = `${id}-error`;
  const control: ControlProps = { id, ...(error ? { "aria-invalid": true as const, "aria-describedby": errorId } : {}) };
  return (
    <div className={className}>
      <label htmlFor={id} className={cn("mb-1 block text-xs font-medium text-muted", hideLabel && "sr-only")}>
        {label}
        {hint && <span className="font-normal"> {hint}</span>}
      </label>
      <FieldContext.Provider value={control}>{typeof children === "function" ? children(control) : children}</FieldContext.Provider>
      {error && (
        <p id={errorId} className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** An <input> styled and wired by the <Field> around it. */
export function Input({ className, ...props }: React.ComponentProps<"input">) {
  const control = useFieldControl();
  return <input {...control} className={cn(controlVariants({ invalid: Boolean(control["aria-invalid"]) }), className)} {...props} />;
}

/** A <textarea> styled and wired by the <Field> around it. */
export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  const control = useFieldControl();
  return <textarea {...control} className={cn(controlVariants({ invalid: Boolean(control["aria-invalid"]) }), "block min-h-9", className)} {...props} />;
}
