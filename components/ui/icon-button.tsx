import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

// Short names from globals.css: an icon button sits on every row, four times.
const iconButtonVariants = cva("icon-btn", {
  variants: { size: { sm: "icon-btn-sm", md: "icon-btn-md" } },
  defaultVariants: { size: "sm" },
});

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
