// Lit's templates as the browser reads them, without our source's indentation (used by build-cdn.mjs).
import { parseAst } from 'rolldown/parseAst';

/**
 * `code` with the literal text of its `css` and `html` tagged templates minified, or `null` when
 * nothing changes: every run of white space that holds a line break becomes one space (what HTML
 * and CSS make of it anyway), and in `css` the spaces around `{`, `}`, `;` and after `:` and `,` go.
 * Only the text between expressions changes, never an expression.
 */
export function minifyTemplateLiterals(code, id = 'input.ts') {
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'css')) {
      for (const quasi of node.quasi.quasis) {
        const start = quasi.start + 1;
        const raw = quasi.value.raw;
        if (code.slice(start, start + raw.length) !== raw) throw new Error(`minify-templates: unexpected template span in ${id}`);
        let text = raw.replace(/\s*\n\s*/g, ' ');
        if (node.tag.name === 'css') text = text.replace(/\s*([{};])\s*/g, '$1').replace(/([:,])\s+/g, '$1');
        if (text !== raw) edits.push([start, start + raw.length, text]);
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code, { lang: 'ts' }, id));
  if (edits.length === 0) return null;
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [from, to, text] of edits) out = out.slice(0, from) + text + out.slice(to);
  return out;
}

/** The Rolldown plugin: `minifyTemplateLiterals` over our own sources. */
export const minifyTemplates = {
  name: 'minify-templates',
  transform: {
    filter: { id: /[\\/]src[\\/].*\.ts$/, code: /\b(html|css)`/ },
    handler(code, id) {
      const out = minifyTemplateLiterals(code, id);
      return out === null ? null : { code: out, map: null };
    },
  },
};

