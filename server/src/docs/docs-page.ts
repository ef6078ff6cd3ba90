import type { RouteContract } from '@waymark/shared';
import { z } from 'zod';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const schemaBlock = (
  title: string,
  schema: z.ZodType | undefined,
  io: 'input' | 'output',
): string => {
  if (!schema) return '';
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return `<details><summary>${title}</summary><pre>${escapeHtml(JSON.stringify(json, null, 2))}</pre></details>`;
};

const authLabel: Record<RouteContract['auth'], string> = {
  none: 'no authentication',
  'sdk-key': 'SDK key (x-waymark-key header)',
  'secret-key': 'secret key (Authorization: Bearer)',
  session: 'builder session cookie (+ x-csrf-token on writes)',
};

/** A readable API reference rendered on the server from the route contract; no scripts needed. */
export function renderDocsPage(routes: Record<string, RouteContract>): string {
  const byTag = new Map<string, Array<[string, RouteContract]>>();
  for (const entry of Object.entries(routes)) {
    const list = byTag.get(entry[1].tag) ?? [];
    list.push(entry);
    byTag.set(entry[1].tag, list);
  }
  const sections = [...byTag].map(
    ([tag, list]) =>
      `<section><h2>${escapeHtml(tag)}</h2>${list
        .map(
          ([id, route]) => `<article id="${escapeHtml(id)}">
  <h3><span class="method ${route.method.toLowerCase()}">${route.method}</span> <code>${escapeHtml(route.path)}</code></h3>
  <p>${escapeHtml(route.summary)}</p>
  <p class="auth">Auth: ${authLabel[route.auth]}</p>
  ${schemaBlock('Path parameters', route.params, 'input')}
  ${schemaBlock('Query', route.query, 'input')}
  ${schemaBlock('Request body', route.body, 'input')}
  ${schemaBlock('Response', route.response, 'output')}
</article>`,
        )
        .join('')}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waymark API</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>Waymark API</h1>
<p>Every error answers <code>{code, message, details}</code> with a 4xx status. The machine-readable
document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections.join('\n')}</main></body></html>`;
}

export const docsCss = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f7f7f8;color:#1c1c21}
main{max-width:920px;margin:0 auto;padding:32px 20px}
h1{margin:0 0 8px}h2{text-transform:capitalize;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:40px}
article{background:#fff;border:1px solid #e3e3e8;border-radius:8px;padding:12px 16px;margin:12px 0}
h3{margin:0;font-size:16px}code{font-family:ui-monospace,monospace}
.method{display:inline-block;min-width:56px;text-align:center;border-radius:4px;padding:1px 6px;font-size:12px;color:#fff;background:#555}
.method.get{background:#1f6feb}.method.post{background:#1a7f37}.method.put,.method.patch{background:#9a6700}.method.delete{background:#cf222e}
.auth{color:#57606a;font-size:13px}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px;border-radius:6px}
summary{cursor:pointer;color:#0969da}
`;
