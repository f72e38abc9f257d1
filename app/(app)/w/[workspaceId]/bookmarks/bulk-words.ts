/** Counts as the bulk bar and its progress say them: "2,000", "1 bookmark", "3 bookmarks". */
export const count = (n: number) => n.toLocaleString("en");
export const bookmarksWord = (n: number) => `${count(n)} bookmark${n === 1 ? "" : "s"}`;
