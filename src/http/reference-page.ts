/** A readable API reference rendered on the server from the OpenAPI document: no scripts, no external assets. */

type Json = Record<string, unknown>;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

function schemaText(schema: Json | undefined, components: Json, depth = 0): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    if (depth > 3) return name;
    return schemaText((components[name] as Json) ?? {}, components, depth);
  }
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (schema.enum) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf))
    return (schema.anyOf as Json[]).map((s) => schemaText(s, components, depth)).join(' | ');
  if (schema.type === 'array') return `[${schemaText(schema.items as Json, components, depth)}]`;
  if (schema.type === 'object' || schema.properties) {
    const required = new Set((schema.required as string[]) ?? []);
    const props = Object.entries((schema.properties as Record<string, Json>) ?? {});
    if (!props.length) return '{}';
    const lines = props.map(
      ([k, v]) => `${pad}${k}${required.has(k) ? '' : '?'}: ${schemaText(v, components, depth + 1)}`,
    );
    return `{\n${lines.join(',\n')}\n${close}}`;
  }
  const type = Array.isArray(schema.type)
    ? (schema.type as string[]).join(' | ')
    : String(schema.type ?? 'any');
  const fmt = schema.format ? ` (${schema.format})` : '';
  return type + fmt;
}

export function renderReference(doc: Json): string {
  const components = ((doc.components as Json)?.schemas as Json) ?? {};
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = ((op.tags as string[]) ?? ['Other'])[0];
      const body = ((op.requestBody as Json)?.content as Record<string, Json>)?.['application/json']
        ?.schema as Json;
      const params = ((op.parameters as Json[]) ?? []).map((p) => `${esc(p.name)} (${esc(p.in)})`).join(', ');
      const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
        .map(([code, r]) => {
          const schema =
            ((r.content as Record<string, Json>)?.['application/json']?.schema as Json) ?? undefined;
          const shape =
            code.startsWith('2') && schema ? `<pre>${esc(schemaText(schema, components))}</pre>` : '';
          return `<li><code>${esc(code)}</code> ${esc(r.description)}${shape}</li>`;
        })
        .join('');
      const html = `<section class="op"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ''}
${op.security ? '<p class="d">Needs a Bearer API token or a signed-in session.</p>' : ''}
${params ? `<p><b>Parameters:</b> ${params}</p>` : ''}
${body ? `<p><b>Body</b> (application/json)</p><pre>${esc(schemaText(body, components))}</pre>` : ''}
<p><b>Answers</b></p><ul>${responses}</ul></section>`;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(html);
    }
  }
  const info = doc.info as Json;
  const nav = [...byTag.keys()].map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`).join(' · ');
  const sections = [...byTag.entries()]
    .map(([t, ops]) => `<h2 id="${esc(t)}">${esc(t)}</h2>${ops.join('')}`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
pre{background:#f4f6f8;padding:.6rem .8rem;border-radius:6px;overflow:auto;font-size:13px}
.op{border-top:1px solid #e2e6ea;padding:.4rem 0}.d{color:#4a5563}
.m{font:600 12px monospace;padding:.15rem .4rem;border-radius:4px;color:#fff;background:#4a5563}
.m.get{background:#1f7a4d}.m.post{background:#2557a7}.m.put,.m.patch{background:#9a6700}.m.delete{background:#b42318}
</style></head><body><h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)})</p><nav>${nav}</nav>${sections}</body></html>`;
}
