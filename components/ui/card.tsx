import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

const cardVariants = cva("rounded-lg border", {
  variants: {
    tone: {
      raised: "border-line bg-raised",
      plain: "border-line",
      // A place that waits for something: an empty list, a drop zone.
      dashed: "border-dashed border-line-strong",
    },
    padding: { none: "", sm: "p-4", md: "p-4 sm:p-5", lg: "px-6 py-10" },
  },
  defaultVariants: { tone: "plain", padding: "md" },
});

type Props<T extends React.ElementType> = { as?: T } & VariantProps<typeof cardVariants> & Omit<React.ComponentProps<T>, "as">;

/** A bordered box: sections of a settings page, a list's frame, a state screen. */
export function Card<T extends React.ElementType = "div">({ as, tone, padding, className, ...props }: Props<T>) {
  const Component: React.ElementType = as ?? "div";
  return <Component className={cn(cardVariants({ tone, padding }), className)} {...props} />;
}
