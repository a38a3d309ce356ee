/**
 * Following a redirect plan (`core/redirect.ts`): what `<ecommpay-redirect>` does with Gate's
 * `redirect_data`, and what the checkout does when the Payment Page in its frame sends the whole
 * page to a bank. One implementation for both.
 */
import type { RedirectPlan } from '../core/redirect.ts';

/**
 * Takes this window (or the top one) where `plan` says: `GET` navigates to the URL, whose query
 * already carries the fields; `POST` submits a hidden form built with DOM APIs, one hidden input
 * per field, in UTF-8. Returns the form it submitted (remove it when no longer needed), or `null`.
 * Throws when the browser refuses the navigation.
 */
export function followPlan(plan: RedirectPlan, top = false): HTMLFormElement | null {
  if (plan.method === 'GET') {
    // Setting `href` is allowed on another origin's window (`assign()` throws a SecurityError there).
    (top ? window.top! : window).location.href = plan.url;
    return null;
  }
  const form = document.createElement('form');
  form.setAttribute('method', 'post');
  form.setAttribute('action', plan.url);
  form.setAttribute('accept-charset', 'UTF-8');
  form.setAttribute('target', top ? '_top' : '_self');
  form.hidden = true;
  // Inputs gathered in a fragment and added at once: appended to the form one by one, each costs
  // more than the last (3,000 fields took over a second in Chromium and WebKit).
  const inputs = document.createDocumentFragment();
  for (const [name, value] of plan.fields) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    inputs.append(input);
  }
  form.append(inputs);
  document.body.append(form);
  // Body keys named `submit`, `action`… shadow the form's own properties: call the prototype's.
  HTMLFormElement.prototype.submit.call(form);
  return form;
}
