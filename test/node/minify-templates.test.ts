/**
 * `scripts/minify-templates.mjs`, the CDN build's pass over Lit's templates: the literal text of
 * `css` and `html` templates loses its indentation, and nothing else changes (expressions, other
 * templates, strings).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplateLiterals } from '../../scripts/minify-templates.mjs';

const cases: { name: string; input: string; output: string | null }[] = [
  {
    name: 'css: line breaks and indentation go, and the spaces around braces, semicolons, colons and commas',
    input: 'const s = css`\n  :host {\n    display: block;\n    font-family: a, b;\n  }\n  .x dt {\n    color: red;\n  }\n`;',
    output: 'const s = css` :host{display:block;font-family:a,b;}.x dt{color:red;}`;',
  },
  {
    name: 'css: a space that is not at a line break stays (descendant selectors, values)',
    input: 'const s = css`.a .b{margin: 0 auto}`;',
    output: 'const s = css`.a .b{margin:0 auto}`;',
  },
  {
    name: 'html: white space holding a line break becomes one space; spaces inside a line stay',
    input: 'const t = html`\n  <p class="a  b">\n    hello  world\n  </p>\n`;',
    output: 'const t = html` <p class="a  b"> hello  world </p> `;',
  },
  {
    name: 'html: expressions are never touched, nested templates are minified on their own',
    input: 'const t = html`\n  <div>${cond ? html`\n    <b>${"x\\n  y"}</b>\n  ` : `\n  keep\n`}</div>\n`;',
    output: 'const t = html` <div>${cond ? html` <b>${"x\\n  y"}</b> ` : `\n  keep\n`}</div> `;',
  },
  {
    name: 'other tags and plain template literals are left alone',
    input: 'const a = svg`\n  <g/>\n`;\nconst b = `\n  text\n`;\nconst c = x.html`\n  <p/>\n`;',
    output: null,
  },
  {
    name: 'already minified: nothing to change',
    input: 'const t = html`<p>${a}</p>`;',
    output: null,
  },
];

for (const c of cases) {
  test(`minifyTemplateLiterals: ${c.name}`, () => {
    assert.equal(minifyTemplateLiterals(c.input), c.output);
  });
}
