/**
 * Search snippets as text: ts_headline marks the matches with two control characters that no
 * stored text holds (the reader keeps none), and the list renders the pieces as text, the matches
 * in <mark> — the page's words never become HTML.
 */
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

export type SnippetPart = { text: string; match: boolean };

export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(new RegExp(`[${MATCH_START}${MATCH_END}]`)).entries()) {
    // Pieces alternate: outside, match, outside… (a match never nests).
    if (piece) parts.push({ text: piece, match: index % 2 === 1 });
  }
  return parts;
}
