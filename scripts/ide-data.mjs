/**
 * IDE data from the custom elements manifest; `npm run build` runs it after `cem analyze`:
 *
 *   dist/vscode.html-custom-data.json  VS Code HTML custom data 1.1 (the `html.customData` setting):
 *                                      tags, attributes, enumerated values, descriptions
 *   dist/vscode.css-custom-data.json   VS Code CSS custom data 1.1 (`css.customData`): the
 *                                      --ecommpay-* custom properties and the parts, as ::part(…)
 *   dist/web-types.json                JetBrains web-types (package.json "web-types"): elements with
 *                                      attributes, values, properties, events, parts; custom properties
 *
 *   node scripts/ide-data.mjs [dist folder, default dist/]
 *
 * Everything comes from dist/custom-elements.json (see custom-elements-manifest.config.mjs): an
 * attribute's values are the string literals of its union type (`'a' | 'b'`), and a union with
 * `(string & {})` is open (the values are suggestions, other text is accepted too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));

const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement && d.tagName));
if (elements.length === 0) throw new Error(`${join(dist, 'custom-elements.json')} declares no custom element`);

const OPEN = '(string & {})';

/** What an attribute's type says about its value in HTML. */
function valueOf(attribute) {
  const parts = (attribute.type?.text ?? 'string')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'null' && part !== 'undefined');
  if (parts.length === 1 && parts[0] === 'boolean') return { boolean: true };
  const literals = parts.filter((part) => /^'[^']*'$/.test(part));
  const open = parts.includes(OPEN);
  if (literals.length > 0 && literals.length + (open ? 1 : 0) === parts.length) {
    return { values: literals.map((part) => part.slice(1, -1)), open, type: parts.join(' | ') };
  }
  return { type: parts.filter((part) => part !== 'unknown').join(' | ') || 'string' };
}

const markdown = (value) => ({ kind: 'markdown', value });
const text = (value) => (value ?? '').trim();
const fields = (element) => (element.members ?? []).filter((m) => m.kind === 'field');

/** The element's documentation: summary, events, slots, parts, methods (VS Code has no other place for them). */
function elementDocs(element) {
  const sections = [text(element.summary || element.description)];
  const list = (title, items) => items.length && sections.push(`**${title}**\n\n${items.map((item) => `- ${item}`).join('\n')}`);
  list(
    'Events',
    (element.events ?? []).map((e) => `\`${e.name}\`${e.type ? ` (\`${e.type.text}\`)` : ''}${e.description ? `: ${e.description}` : ''}`),
  );
  list(
    'Slots',
    (element.slots ?? []).map((s) => `${s.name ? `\`${s.name}\`` : 'default'}${s.description ? `: ${s.description}` : ''}`),
  );
  list(
    'Properties without an attribute',
    fields(element)
      .filter((f) => !(element.attributes ?? []).some((a) => a.fieldName === f.name))
      .map((f) => `\`${f.name}\`${f.readonly ? ' (read-only)' : ''}${f.description ? `: ${f.description}` : ''}`),
  );
  list(
    'Methods',
    (element.members ?? []).filter((m) => m.kind === 'method').map((m) => `\`${m.name}()\`${m.description ? `: ${m.description}` : ''}`),
  );
  const parts = (element.cssParts ?? []).map((p) => `\`${p.name}\``);
  if (parts.length) sections.push(`**CSS parts**: ${parts.join(', ')}`);
  return sections.filter(Boolean).join('\n\n');
}

/** One entry per name across the elements; a description that differs between them is given per element. */
function merged(kind, name) {
  const byName = new Map();
  for (const element of elements) {
    for (const item of element[kind] ?? []) {
      const key = name(item);
      if (!byName.has(key)) byName.set(key, []);
      byName.get(key).push([element.tagName, text(item.description)]);
    }
  }
  return [...byName].map(([key, uses]) => {
    const descriptions = new Set(uses.map(([, description]) => description));
    const tags = uses.map(([tag]) => `\`<${tag}>\``).join(', ');
    const description =
      descriptions.size === 1 ? `${[...descriptions][0]}\n\nUsed by ${tags}.` : uses.map(([tag, description]) => `\`<${tag}>\`: ${description}`).join('\n\n');
    return { name: key, description };
  });
}

// Version 1.1 (markdown descriptions); the JSON schemas published beside the language services still say 1.
const vscodeHtml = {
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: markdown(elementDocs(element)),
    attributes: (element.attributes ?? []).map((attribute) => {
      const value = valueOf(attribute);
      return {
        name: attribute.name,
        ...(attribute.description ? { description: markdown(text(attribute.description)) } : {}),
        ...(value.boolean ? { valueSet: 'v' } : {}),
        ...(value.values ? { values: value.values.map((name) => ({ name })) } : {}),
      };
    }),
  })),
};

const vscodeCss = {
  version: 1.1,
  properties: merged('cssProperties', (p) => p.name).map(({ name, description }) => ({ name, description: markdown(description) })),
  pseudoElements: merged('cssParts', (p) => `::part(${p.name})`).map(({ name, description }) => ({ name, description: markdown(description) })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: elementDocs(element),
        // No module: the package's main entry, which exports every element class.
        source: { symbol: element.name },
        attributes: (element.attributes ?? []).map((attribute) => {
          const value = valueOf(attribute);
          return {
            name: attribute.name,
            ...(attribute.description ? { description: text(attribute.description) } : {}),
            ...(attribute.default ? { default: attribute.default } : {}),
            value: value.boolean ? { kind: 'no-value' } : { kind: 'plain', type: value.values && !value.open ? 'enum' : value.type },
            ...(value.values ? { values: value.values.map((name) => ({ name })) } : {}),
          };
        }),
        // Named slots only: they are what `slot="…"` completes (the default slot is in the description).
        ...((element.slots ?? []).some((s) => s.name)
          ? { slots: element.slots.filter((s) => s.name).map((s) => ({ name: s.name, description: text(s.description) })) }
          : {}),
        js: {
          properties: fields(element).map((f) => ({
            name: f.name,
            ...(f.description ? { description: text(f.description) } : {}),
            ...(f.type ? { type: f.type.text } : {}),
            ...(f.readonly ? { 'read-only': true } : {}),
          })),
          events: (element.events ?? []).map((e) => ({
            name: e.name,
            ...(e.description ? { description: text(e.description) } : {}),
            ...(e.type ? { type: e.type.text } : {}),
          })),
        },
        css: { parts: (element.cssParts ?? []).map((p) => ({ name: p.name, description: text(p.description) })) },
      })),
    },
    // The custom properties inherit: set them on the element, a container or :root.
    css: { properties: merged('cssProperties', (p) => p.name) },
  },
};

const write = (file, data) => writeFileSync(join(dist, file), `${JSON.stringify(data, null, 2)}\n`);
write('vscode.html-custom-data.json', vscodeHtml);
write('vscode.css-custom-data.json', vscodeCss);
write('web-types.json', webTypes);
