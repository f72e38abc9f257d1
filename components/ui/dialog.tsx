"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { cn } from "./cn";
import { IconButton } from "./icon-button";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogDescription = DialogPrimitive.Description;

type ContentProps = React.ComponentProps<typeof DialogPrimitive.Content> & {
  /** Every dialog is named by its title; Radix ties it to the dialog for screen readers. */
  title: React.ReactNode;
  size?: "sm" | "md";
  /** Named for screen readers only, when the dialog's own content says what it is (a search box). */
  hideTitle?: boolean;
  /** `sheet`: along the bottom edge, full width, where a thumb reaches on a phone. */
  placement?: "center" | "sheet";
  /**
   * Focus the dialog itself on opening rather than its first control: a search box focused on a
   * phone opens the keyboard over the sheet, and a stray Enter must not run a sheet's first action.
   */
  focusSelf?: boolean;
};

const placements = {
  center:
    "left-1/2 top-1/2 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg",
  sheet: "inset-x-0 bottom-0 max-h-[85dvh] w-full rounded-t-xl pb-[max(1.25rem,env(safe-area-inset-bottom))]",
};

/** A modal over a dimmed page, centred or as a bottom sheet: portal, overlay, focus trap and Escape come from Radix. */
export function DialogContent({ title, size = "md", hideTitle = false, placement = "center", focusSelf = false, className, children, ...props }: ContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
      <DialogPrimitive.Content
        aria-describedby={undefined}
        className={cn(
          "fixed z-50 overflow-y-auto border border-line bg-raised p-5 text-ink shadow-xl outline-none",
          placements[placement],
          placement === "center" && (size === "sm" ? "max-w-sm" : "max-w-lg"),
          className,
        )}
        onOpenAutoFocus={
          focusSelf
            ? (event) => {
                event.preventDefault();
                (event.currentTarget as HTMLElement).focus();
              }
            : undefined
        }
        {...props}
      >
        <DialogPrimitive.Title className={hideTitle ? "sr-only" : "mb-4 text-base font-semibold"}>{title}</DialogPrimitive.Title>
        {placement === "sheet" && (
          // A sheet has no Cancel of its own, and the dimmed strip above it is small on a phone.
          <DialogPrimitive.Close asChild>
            <IconButton label="Close" className="absolute right-3 top-3">
              <X className="size-4" aria-hidden />
            </IconButton>
          </DialogPrimitive.Close>
        )}
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}
