import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

/** Small labels: a tag on a bookmark, a count, a state ("Sandbox", "Needs reconnect"). */
export const badgeVariants = cva("inline-flex max-w-full items-center gap-1 truncate rounded border px-1.5 py-px text-xs", {
  variants: {
    tone: {
      neutral: "border-line bg-surface text-muted",
      warn: "border-transparent bg-warn-bg text-warn-ink",
      danger: "border-transparent text-danger",
      accent: "border-transparent bg-accent text-accent-ink",
    },
    interactive: { true: "hover:border-line-strong hover:text-ink pointer-coarse:py-1", false: "" },
  },
  defaultVariants: { tone: "neutral", interactive: false },
});

type Props = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ tone, interactive, className, ...props }: Props) {
  return <span className={cn(badgeVariants({ tone, interactive }), className)} {...props} />;
}
