import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class lists so that a later Tailwind class replaces a conflicting earlier one: a caller's override wins. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
