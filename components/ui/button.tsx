import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

/**
 * Every button and button-like link. Touch screens get 44 px targets (`pointer-coarse:`), mice the compact size.
 * Exported for the few places that style a third-party trigger (next-auth's sign-in form, Radix triggers use asChild).
 */
export const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-ink text-canvas shadow-sm hover:opacity-90",
        secondary: "border border-line-strong bg-raised text-ink hover:bg-surface",
        danger: "bg-danger text-canvas hover:opacity-90",
        quiet: "font-normal text-muted hover:bg-surface hover:text-ink",
      },
      size: {
        sm: "h-7 px-2 text-xs pointer-coarse:h-11",
        md: "h-8 px-3 pointer-coarse:h-11",
        lg: "h-10 px-4",
      },
    },
    defaultVariants: { variant: "secondary", size: "md" },
  },
);

export type ButtonProps = React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    /** Renders the one child (a Link, an <a>) with the button's look instead of a <button>. */
    asChild?: boolean;
  };

export function Button({ className, variant, size, asChild = false, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      // A plain <button> inside a form would submit it; submitting must be asked for.
      type={asChild ? undefined : (type ?? "button")}
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}
