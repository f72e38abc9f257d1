import { cn } from "./cn";

/** A grey placeholder in the shape of what is loading, so nothing jumps when it arrives. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-pulse rounded bg-surface", className)} {...props} />;
}
