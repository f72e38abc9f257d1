/**
 * The bookmarklet's `javascript:` address. It opens Shelf's /save form for the current page in a
 * small popup, and navigates the tab there instead when a popup blocker says no (window.open
 * answers null). Browsers percent-decode a javascript: URL before running it, so the code must
 * not contain "%"; encodeURIComponent runs on the page, not here.
 */
export function bookmarkletHref(origin: string): string {
  const save = JSON.stringify(`${origin}/save`);
  const code = [
    `var u=${save}+"?url="+encodeURIComponent(location.href)+"&title="+encodeURIComponent(document.title);`,
    `var w=window.open(u,"shelf-save","popup,width=440,height=680");`,
    `if(!w)location.href=u;`,
  ].join("");
  return `javascript:(function(){${code}})();void 0`;
}
