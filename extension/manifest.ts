export type Browser = "chrome" | "firefox";

// The development key pins the unpacked extension's id (chrome-extension://<id>), so a Shelf
// server can list it in API_CORS_ORIGINS. The store assigns its own; set that one in production.
export const DEV_PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAww5YS8M/F4KiPQeHOVkV9UQafmLKBkpZEWoNxZeMa8n7QQwf9kBnICq4vlY6q7EWPHX2oqT+qL9AiiKJm1nkVxVvhIeIr6hjvD5APMdgA/F5/v8KR53OeQQsuwx9A0kpqZB5xeMhBc9DQ35kqjM+u0U6aRTeWUOR06YL/o6fGbDkHWSJoDxKKOdNOipksy14tvgU7G/RK0SQQtHACrkDLjbCQpw48nv7cCCwAO0HcDD5RAkT0baMifs9KF+H5pCsbcpudLa2z4hZaIFWG0DIuvnLDq9GCO2odrXqxLx0CCSO7QTWU6QiVOiRXC1IOfgRFlilTF8pmIJh1qzXgoG/8QIDAQAB";

/** Manifest V3 for each browser: the same permissions, Firefox's background as an event page. */
export function manifest(browser: Browser, version: string) {
  const background = browser === "chrome" ? { service_worker: "background.js", type: "module" } : { scripts: ["background.js"], type: "module" };
  return {
    manifest_version: 3,
    name: "Shelf",
    version,
    description: "Save the page or a link to Shelf, with tags, and see whether a page is saved.",
    ...(browser === "chrome" ? { key: DEV_PUBLIC_KEY } : { browser_specific_settings: { gecko: { id: "extension@shelf.example", strict_min_version: "128.0" } } }),
    permissions: ["activeTab", "contextMenus", "storage"],
    // Only the Shelf origin the person enters in the options, asked for then.
    optional_host_permissions: ["https://*/*", "http://*/*"],
    background,
    action: { default_popup: "popup.html", default_title: "Save to Shelf", default_icon: { "16": "icon-16.png", "48": "icon-48.png", "128": "icon-128.png" } },
    icons: { "16": "icon-16.png", "48": "icon-48.png", "128": "icon-128.png" },
    options_ui: { page: "options.html", open_in_tab: true },
    commands: {
      _execute_action: { suggested_key: { default: "Alt+Shift+S" }, description: "Open the Save to Shelf popup" },
      "save-page": { suggested_key: { default: "Alt+Shift+D" }, description: "Save this page to Shelf in a window" },
    },
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
  };
}
