// The containers browsers put at the top of an export, by the names each writes
// in the major languages. They are not folders the person made, so a bookmark
// in "Bookmarks bar/Work" is in "Work". Only a top-level folder is compared, so
// a person's own "Favorites" inside the bar survives. Chrome and Firefox also
// mark theirs with PERSONAL_TOOLBAR_FOLDER / UNFILED_BOOKMARKS_FOLDER, which
// catches a language missing here.
const NAMES: Record<string, string[]> = {
  // Chrome, Brave, Vivaldi and Opera (Chromium) — en, de, fr, es, it, pt, nl, pl, ru, ja, zh.
  chromium: [
    "Bookmarks bar",
    "Other bookmarks",
    "Mobile bookmarks",
    "Lesezeichenleiste",
    "Weitere Lesezeichen",
    "Mobile Lesezeichen",
    "Barre de favoris",
    "Autres favoris",
    "Favoris sur mobile",
    "Barra de marcadores",
    "Otros marcadores",
    "Marcadores del móvil",
    "Barra dei preferiti",
    "Altri Preferiti",
    "Preferiti su dispositivi mobili",
    "Barra de favoritos",
    "Outros favoritos",
    "Favoritos do celular",
    "Bladwijzerbalk",
    "Andere bladwijzers",
    "Mobiele bladwijzers",
    "Pasek zakładek",
    "Inne zakładki",
    "Zakładki na telefonie",
    "Панель закладок",
    "Другие закладки",
    "Закладки на мобильном",
    "ブックマーク バー",
    "その他のブックマーク",
    "モバイルのブックマーク",
    "书签栏",
    "其他书签",
    "移动设备书签",
  ],
  firefox: [
    "Bookmarks Toolbar",
    "Bookmarks Menu",
    "Other Bookmarks",
    "Mobile Bookmarks",
    "Lesezeichen-Symbolleiste",
    "Lesezeichen-Menü",
    "Barre personnelle",
    "Barre des marque-pages",
    "Menu des marque-pages",
    "Autres marque-pages",
    "Barra de herramientas de marcadores",
    "Menú de marcadores",
    "Barra dei segnalibri",
    "Menu segnalibri",
    "Altri segnalibri",
    "Menu de favoritos",
    "Bladwijzerwerkbalk",
    "Bladwijzermenu",
    "Menu zakładek",
    "Pozostałe zakładki",
    "Меню закладок",
    "ブックマークツールバー",
    "ブックマークメニュー",
    "他のブックマーク",
    "书签工具栏",
    "书签菜单",
  ],
  edge: [
    "Favorites bar",
    "Other favorites",
    "Mobile favorites",
    "Favoritenleiste",
    "Weitere Favoriten",
    "Barra de favoritos",
    "Otros favoritos",
    "Barra dei Preferiti",
    "Altri preferiti",
    "Balk Favorieten",
    "Andere favorieten",
    "Панель избранного",
    "Другое избранное",
    "お気に入りバー",
    "その他のお気に入り",
    "收藏夹栏",
    "其他收藏夹",
  ],
  // Safari writes its favourites bar as the top folder, in the system language (en-GB "Favourites");
// its Reading List stays a folder, since it says what the person meant to do.
  safari: [
    "Favorites",
    "Favourites",
    "BookmarksBar",
    "BookmarksMenu",
    "Favoriten",
    "Lesezeichenmenü",
    "Favoris",
    "Menu Signets",
    "Favoritos",
    "Menú Marcadores",
    "Preferiti",
    "Menu Segnalibri",
    "Favorieten",
    "Избранное",
    "お気に入り",
    "个人收藏",
  ],
  opera: ["Speed Dial", "Unsorted bookmarks", "Schnellwahl", "Numérotation rapide", "Marcación rápida"],
  vivaldi: ["Speed Dials"],
  // Netscape 4 and Internet Explorer.
  legacy: ["Personal Toolbar Folder", "Links"],
};

export const ROOT_CONTAINERS: ReadonlySet<string> = new Set(
  Object.values(NAMES)
    .flat()
    .map((name) => name.toLowerCase()),
);

export function isRootContainerName(name: string): boolean {
  return ROOT_CONTAINERS.has(name.trim().toLowerCase());
}
