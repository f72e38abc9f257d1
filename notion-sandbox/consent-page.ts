/**
 * The consent screen, in Notion's spirit, as plain server-rendered HTML: real forms, labelled
 * radios and checkboxes, no script. Three steps because the choices depend on each other:
 * who is signing in → which of their workspaces → template or selected pages.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font:15px/1.5 ui-sans-serif,-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#37352f;background:#f7f6f3}
  main{max-width:440px;margin:48px auto;padding:32px;background:#fff;border:1px solid #e9e9e7;border-radius:8px}
  h1{font-size:20px;margin:0 0 4px}
  p.lead{color:#787774;margin:0 0 20px}
  fieldset{border:0;padding:0;margin:0 0 20px}
  legend{font-weight:600;margin-bottom:8px}
  label.choice{display:flex;gap:10px;align-items:flex-start;padding:8px 10px;border:1px solid #e9e9e7;border-radius:6px;margin-bottom:6px;cursor:pointer}
  label.choice:hover{background:#f7f6f3}
  .hint{display:block;color:#787774;font-size:13px}
  ul.caps{margin:0 0 20px;padding-left:20px;color:#37352f}
  .pages{margin:4px 0 0 28px}
  .actions{display:flex;gap:8px;justify-content:flex-end;margin-top:8px}
  button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #d3d1cb;background:#fff;cursor:pointer}
  button.primary{background:#2383e2;border-color:#2383e2;color:#fff}
  .badge{display:inline-block;font-size:12px;color:#787774;border:1px solid #e9e9e7;border-radius:4px;padding:0 6px;margin-bottom:16px}
  .error{color:#d44c47}
  a{color:#2383e2}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<span class="badge">Notion sandbox</span>
${body}
</main></body>
</html>`;
}

/** The OAuth parameters every step carries forward. */
export type OAuthParams = Record<"client_id" | "redirect_uri" | "response_type" | "owner" | "state", string>;

function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
}

/** Cancel submits the same form by POST, skipping validation, so it works at every step. */
const actions = (primaryLabel: string) => `<div class="actions">
<button type="submit" formmethod="post" formnovalidate name="decision" value="cancel">Cancel</button>
<button type="submit" class="primary" name="decision" value="${primaryLabel === "Allow access" ? "allow" : "continue"}">${escapeHtml(primaryLabel)}</button>
</div>`;

export interface Choice {
  id: string;
  label: string;
  hint?: string;
}

function radios(name: string, choices: readonly Choice[]): string {
  return choices
    .map(
      (choice, index) => `<label class="choice"><input type="radio" name="${name}" value="${escapeHtml(choice.id)}" required${index === 0 ? " checked" : ""}>
<span>${escapeHtml(choice.label)}${choice.hint ? `<span class="hint">${escapeHtml(choice.hint)}</span>` : ""}</span></label>`,
    )
    .join("\n");
}

export function personStep(appName: string, params: OAuthParams, people: readonly Choice[]): string {
  return layout(
    `Sign in to connect ${appName}`,
    `<h1>${escapeHtml(appName)} wants to connect to Notion</h1>
<p class="lead">Choose who is signing in.</p>
<form method="get" action="/v1/oauth/authorize">
${hiddenFields(params)}
<fieldset><legend>Sign in as</legend>
${radios("person_id", people)}
</fieldset>
${actions("Continue")}
</form>`,
  );
}

export function workspaceStep(appName: string, params: OAuthParams, person: Choice, workspaces: readonly Choice[]): string {
  const body = workspaces.length
    ? `<fieldset><legend>Workspace</legend>
${radios("workspace_id", workspaces)}
</fieldset>`
    : `<p class="error">${escapeHtml(person.label)} does not belong to any workspace.</p>`;
  return layout(
    `Choose a workspace for ${appName}`,
    `<h1>${escapeHtml(appName)} wants to connect to Notion</h1>
<p class="lead">Signed in as ${escapeHtml(person.label)} (${escapeHtml(person.hint ?? "")}). <a href="/v1/oauth/authorize?${new URLSearchParams(params).toString()}">Not you?</a></p>
<form method="get" action="/v1/oauth/authorize">
${hiddenFields({ ...params, person_id: person.id })}
${body}
${actions("Continue")}
</form>`,
  );
}

export interface AccessStepData {
  appName: string;
  params: OAuthParams;
  person: Choice;
  workspace: Choice;
  hasTemplate: boolean;
  /** Pages and databases of the workspace in tree order, with their depth for indentation. */
  pages: ReadonlyArray<Choice & { depth: number }>;
}

export function accessStep(data: AccessStepData): string {
  const pageBoxes = data.pages
    .map(
      (page) => `<label class="choice" style="margin-left:${page.depth * 20}px"><input type="checkbox" name="page_ids" value="${escapeHtml(page.id)}">
<span>${escapeHtml(page.label)}${page.hint ? `<span class="hint">${escapeHtml(page.hint)}</span>` : ""}</span></label>`,
    )
    .join("\n");
  const templateChoice = data.hasTemplate
    ? `<label class="choice"><input type="radio" name="access" value="template" checked>
<span>Use a template provided by the developer<span class="hint">Duplicates ${escapeHtml(data.appName)}'s template into ${escapeHtml(data.workspace.label)} and shares it with ${escapeHtml(data.appName)}.</span></span></label>`
    : "";
  return layout(
    `Allow ${data.appName} to access ${data.workspace.label}`,
    `<h1>${escapeHtml(data.appName)} wants to access ${escapeHtml(data.workspace.label)}</h1>
<p class="lead">Signed in as ${escapeHtml(data.person.label)} (${escapeHtml(data.person.hint ?? "")}).</p>
<ul class="caps"><li>Read content</li><li>Update content</li><li>Insert content</li><li>Read user information including email addresses</li></ul>
<form method="post" action="/v1/oauth/authorize">
${hiddenFields({ ...data.params, person_id: data.person.id, workspace_id: data.workspace.id })}
<fieldset><legend>What can ${escapeHtml(data.appName)} access?</legend>
${templateChoice}
<label class="choice"><input type="radio" name="access" value="pages"${data.hasTemplate ? "" : " checked"}>
<span>Select pages<span class="hint">Only the pages you pick, and everything inside them.</span></span></label>
<fieldset class="pages"><legend>Pages in ${escapeHtml(data.workspace.label)}</legend>
${pageBoxes || "<p>No pages yet.</p>"}
</fieldset>
</fieldset>
${actions("Allow access")}
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout("Invalid authorization request", `<h1>Something went wrong</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}
