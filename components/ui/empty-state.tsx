import type { LucideIcon } from "lucide-react";
import { Card } from "./card";
import { cn } from "./cn";

type Props = {
  icon: LucideIcon;
  title: React.ReactNode;
  /** The heading level that fits the page around it. */
  titleAs?: "h1" | "h2" | "h3" | "p";
  /** Names the section by its title for screen readers. */
  titleId?: string;
  children?: React.ReactNode;
  /** The one next step: a Button or a link styled as one. */
  action?: React.ReactNode;
  tone?: "dashed" | "plain";
  className?: string;
} & Omit<React.ComponentProps<"section">, "title">;

/** Nothing to show, or something went wrong: what happened, in words, and the next step. */
export function EmptyState({ icon: Icon, title, titleAs: Title = "p", titleId, children, action, tone = "dashed", className, ...props }: Props) {
  return (
    <Card
      as="section"
      aria-labelledby={titleId}
      tone={tone}
      padding="lg"
      className={cn("flex flex-col items-center gap-2 text-center", className)}
      {...props}
    >
      <span className="flex size-10 items-center justify-center rounded-full bg-surface text-muted">
        <Icon className="size-5" aria-hidden />
      </span>
      <Title id={titleId} className="text-base font-semibold">
        {title}
      </Title>
      {children && <div className="max-w-sm text-sm text-muted">{children}</div>}
      {action && <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div>}
    </Card>
  );
}
