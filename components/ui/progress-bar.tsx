import { cn } from "./cn";

type Props = { label: string; value: number; max: number; className?: string };

/** How far a long job has come, in numbers for screen readers ("1,200 of 3,000") and as a bar. */
export function ProgressBar({ label, value, max, className }: Props) {
  const percent = max === 0 ? 100 : Math.min(100, Math.round((value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value.toLocaleString("en")} of ${max.toLocaleString("en")}`}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-surface", className)}
    >
      <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
    </div>
  );
}
