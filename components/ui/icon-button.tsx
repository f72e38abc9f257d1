import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

const iconButtonVariants = cva(
  "inline-flex shrink-0 items-center justify-center rounded-md text-muted transition hover:bg-line hover:text-ink disabled:cursor-not-allowed disabled:opacity-40",
  {
    variants: {
      // Touch screens get a 44 px target whatever the size; a mouse needs less.
      size: { sm: "size-7 pointer-coarse:size-11", md: "size-8 pointer-coarse:size-11" },
    },
    defaultVariants: { size: "sm" },
  },
);

type Props = React.ComponentProps<"button"> &
  VariantProps<typeof iconButtonVariants> & {
    /** The accessible name; also the tooltip. An icon alone says nothing to a screen reader. */
    label: string;
    /** Shown in the tooltip after the label, e.g. the shortcut key. */
    hint?: string;
    asChild?: boolean;
  };

/** A button that shows only an icon (its child), named by `label`. */
export function IconButton({ label, hint, size, className, asChild = false, type, ...props }: Props) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      type={asChild ? undefined : (type ?? "button")}
      aria-label={label}
      title={hint ? `${label} (${hint})` : label}
      className={cn(iconButtonVariants({ size }), className)}
      {...props}
    />
  );
}
