/** The sandbox's pages: one layout, everything echoed escaped. */
import { esc } from '../http.ts';

export type SandboxLang = 'en' | 'zh';

/** Safe HTML: a string already escaped or built from escaped parts. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolations are escaped unless they are `Html` (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return esc(value);
}

const STYLE = `
:root { color-scheme: light; --ink:#1d2433; --muted:#5d6778; --line:#dfe3ea; --brand:#0b5fff; --ok:#14804a; --bad:#c0352b; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--ink); background:#eef1f6; }
header.bar { background:#0f1b33; color:#fff; padding:10px 20px; display:flex; gap:12px; align-items:center; }
header.bar strong { letter-spacing:.02em; }
.badge { font-size:12px; background:#ffcc33; color:#222; border-radius:4px; padding:1px 6px; font-weight:600; }
main { max-width:560px; margin:28px auto; padding:0 16px; }
main.wide { max-width:1040px; }
.card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:22px 24px; box-shadow:0 1px 2px rgba(0,0,0,.04); }
.card + .card { margin-top:16px; }
h1 { font-size:20px; margin:0 0 4px; }
h2 { font-size:16px; margin:18px 0 8px; }
.muted { color:var(--muted); }
dl.summary { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; margin:14px 0; }
dl.summary dt { color:var(--muted); }
dl.summary dd { margin:0; }
.amount { font-size:26px; font-weight:700; }
ul.choices { list-style:none; margin:12px 0; padding:0; display:grid; gap:8px; }
.choice { display:flex; justify-content:space-between; align-items:center; width:100%; text-align:left; padding:12px 14px; border:1px solid var(--line); border-radius:8px; background:#fff; color:inherit; font:inherit; text-decoration:none; cursor:pointer; }
.choice:hover { border-color:var(--brand); }
.choice[aria-disabled="true"] { color:#9aa2b1; background:#f6f7f9; cursor:not-allowed; }
label { display:block; margin:10px 0 4px; font-weight:600; font-size:14px; }
input[type=text], input[type=email] { width:100%; padding:9px 10px; border:1px solid #c5ccd8; border-radius:6px; font:inherit; }
.actions { display:flex; gap:10px; margin-top:18px; }
button.result { flex:1; padding:12px; border-radius:8px; border:0; font:inherit; font-weight:700; color:#fff; cursor:pointer; }
button.success { background:var(--ok); }
button.decline { background:var(--bad); }
button.continue { background:var(--brand); }
button[disabled] { opacity:.45; cursor:not-allowed; }
.note { background:#fff8e1; border:1px solid #f3d98b; border-radius:8px; padding:10px 12px; font-size:14px; margin:12px 0; }
.error { background:#fdecea; border:1px solid #f5b8b1; border-radius:8px; padding:12px 14px; }
.error ul { margin:6px 0 0; padding-left:20px; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
code, pre { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
pre { white-space:pre-wrap; word-break:break-all; margin:0; max-height:240px; overflow:auto; }
.ok { color:var(--ok); font-weight:600; } .bad { color:var(--bad); font-weight:600; }
footer { text-align:center; color:var(--muted); font-size:12px; margin:24px 0; }
`;

/** A whole page; `script` (a framed page's `frame.js` tag, see frame.ts) ends its body. */
export function page(title: string, body: Html, options: { lang?: SandboxLang; status?: number; wide?: boolean; script?: Html } = {}): Html {
  const lang = options.lang ?? 'en';
  return html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header class="bar"><strong>ecommpay</strong><span class="badge">SANDBOX · TEST PROJECT</span><span class="muted" style="color:#aab4c8">local emulator — no real money moves</span></header>
<main${options.wide ? new Html(' class="wide"') : ''}>
${body}
</main>
<footer>ecommpay-elements local sandbox · emulates the Payment Page, Gate and callbacks with the documented test behaviour</footer>
${options.script ?? ''}
</body>
</html>`;
}

/** An HTML `Response` no page may frame; the server relaxes that for the Payment Page's answers alone (frame.ts `allowFraming`). */
export const htmlResponse = (content: Html, status = 200): Response =>
  new Response(content.value, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' },
  });

/** The error page ecommpay would show instead of the payment form (`script`: as `page`'s, when it is shown in a frame). */
export function errorPage(title: string, problems: readonly string[], status: number, lang: SandboxLang = 'en', script?: Html): Response {
  const heading = lang === 'zh' ? '无法打开支付页面' : 'The payment page cannot be opened';
  return htmlResponse(
    page(
      title,
      html`<div class="card" role="alert" data-testid="sandbox-error">
  <h1>${heading}</h1>
  <div class="error"><strong>${title}</strong>
  <ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>
</div>`,
      { lang, script },
    ),
    status,
  );
}
