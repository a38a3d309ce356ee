/** `src`: the merchant backend is polled with backoff until it has redirect_data, a final status, or gives up. */
import { expect } from '@open-wc/testing';
import { quietPeriod, recorded, uniqueKey, watchFetches } from '../helpers.ts';
import { alertText, mountRedirect, pageNavigations, reset, statusText, until } from './harness.ts';

/** A `/__test/script` URL: the Nth request gets the Nth step, the last one repeats. */
const script = (key: string, ...steps: { status?: number; body?: unknown; delay?: number; cors?: boolean }[]) => {
  const q = new URLSearchParams({ key });
  for (const step of steps) q.append('step', JSON.stringify(step));
  return `/__test/script?${q}`;
};
const WAITING = { body: { status: 'awaiting redirect result' } };
const target = (key: string) => `${location.origin}/__test/form?key=${key}`;

describe('<ecommpay-redirect src>', () => {
  afterEach(reset);

  it('shows that the bank is being contacted while waiting, then follows redirect_data', async () => {
    const key = uniqueKey('ready');
    const ready = { body: { redirect_data: { method: 'GET', body: { a: '1' }, encrypted: [], url: target('bank') } } };
    const { el, events } = await mountRedirect({ src: script(key, WAITING, WAITING, ready), 'poll-interval': '150' });
    expect(statusText(el)).to.equal('Contacting your bank…');
    expect(el.shadowRoot!.querySelector('[part="status"]')!.getAttribute('role')).to.equal('status');
    await until(() => pageNavigations.length > 0, 'the redirect');
    expect(pageNavigations).to.deep.equal([{ url: `${target('bank')}&a=1`, method: 'GET', fields: [] }]);
    expect(events.get('ecommpay-status')!.map((e) => e.detail)).to.deep.equal([{ status: 'awaiting redirect result', final: false }]);
    const requests = await recorded(key);
    expect(requests).to.have.length(3);
    expect(requests.every((r) => r.method === 'GET')).to.equal(true);
    await el.updateComplete;
    expect(statusText(el)).to.equal('Taking you to your bank…');
  });

  it('accepts camelCase redirectData', async () => {
    const key = uniqueKey('camel');
    const { el } = await mountRedirect({ src: script(key, { body: { redirectData: { method: 'POST', body: [], url: target('c') } } }), 'poll-interval': '10' });
    await until(() => pageNavigations.length > 0, 'the redirect');
    expect(pageNavigations[0]).to.deep.equal({ url: target('c'), method: 'POST', fields: [] });
    expect(el.plan!.method).to.equal('POST');
  });

  it('shows a final decline with its reason, fires ecommpay-status, and stops polling', async () => {
    const key = uniqueKey('decline');
    const decline = { body: { status: 'decline', code: 20101, message: 'Declined by the bank' } };
    const { el, events } = await mountRedirect({ src: script(key, WAITING, decline), 'poll-interval': '10' });
    await until(() => events.get('ecommpay-status')!.length === 2, 'the decline');
    expect(events.get('ecommpay-status')![1]!.detail).to.deep.equal({ status: 'decline', final: true, code: '20101', message: 'Declined by the bank' });
    await el.updateComplete;
    expect(statusText(el)).to.equal('The payment was declined. Reason: Declined by the bank');
    expect(el.shadowRoot!.querySelector('[part="spinner"]')).to.equal(null);
    // Nothing marks "polling stopped": a next poll would be due 15 ms after the decline; allow for it.
    await quietPeriod(100);
    expect(await recorded(key)).to.have.length(2);
    expect(pageNavigations).to.have.length(0);
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  it('an endpoint answering HTTP 500: a bounded number of tries, then a visible error naming src', async () => {
    const key = uniqueKey('500');
    const { el, events } = await mountRedirect({ src: script(key, { status: 500, body: { error: 'boom' } }), 'poll-interval': '10' });
    await until(() => events.get('ecommpay-error')!.length > 0, 'the error');
    const detail = events.get('ecommpay-error')![0]!.detail;
    expect(detail.code).to.equal('redirect-unavailable');
    expect(detail.issues).to.deep.equal([{ field: 'src', rule: 'unreachable', message: 'src answered HTTP 500', params: { status: 500 } }]);
    await el.updateComplete;
    // The buyer reads a sentence; the HTTP status is for the developer.
    expect(alertText(el)).to.equal('Your bank’s page is not available yet. Please try again later.');
    const count = (await recorded(key)).length;
    expect(count).to.equal(5);
    // Nothing marks "polling stopped": a sixth try would be due about 50 ms after the fifth; allow for it.
    await quietPeriod(150);
    expect(await recorded(key)).to.have.length(count);
  });

  it('a failure between waiting answers does not count: only consecutive failures do', async () => {
    const key = uniqueKey('flaky');
    const ready = { body: { redirect_data: { method: 'GET', url: target('f') } } };
    const fail = { status: 503 };
    const src = script(key, fail, fail, fail, fail, WAITING, fail, fail, fail, fail, ready);
    const { events } = await mountRedirect({ src, 'poll-interval': '5' });
    await until(() => pageNavigations.length > 0, 'the redirect', 8000);
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(await recorded(key)).to.have.length(10);
  });

  it('an unreachable endpoint (network error): bounded, then a visible error', async () => {
    const { el, events } = await mountRedirect({ src: 'http://127.0.0.1:9/redirect', 'poll-interval': '10' });
    await until(() => events.get('ecommpay-error')!.length > 0, 'the error', 8000);
    expect(events.get('ecommpay-error')![0]!.detail.code).to.equal('redirect-unavailable');
    expect(events.get('ecommpay-error')![0]!.detail.issues).to.deep.equal([{ field: 'src', rule: 'unreachable', message: 'src could not be reached' }]);
    await el.updateComplete;
    expect(alertText(el)).to.contain('not available yet');
  });

  it('gives up after poll-timeout in total, aborting the request under way', async () => {
    const key = uniqueKey('timeout');
    // The second request hangs past poll-timeout. On a busy machine the first may take the whole
    // second itself: either way the request under way when time runs out is the one aborted.
    const { el, events } = await mountRedirect({ src: script(key, WAITING, { ...WAITING, delay: 5000 }), 'poll-interval': '10', 'poll-timeout': '1000' });
    await until(() => events.get('ecommpay-error')!.length > 0, 'the timeout');
    expect(events.get('ecommpay-error')![0]!.detail.code).to.equal('redirect-unavailable');
    expect(events.get('ecommpay-error')![0]!.detail.issues).to.deep.equal([
      { field: 'src', rule: 'unreachable', message: 'src gave no redirect_data within 1 s', params: { seconds: 1 } },
    ]);
    await el.updateComplete;
    expect(alertText(el)).to.contain('not available yet');
    await until(async () => (await recorded(key)).at(-1)?.aborted === true, 'the abort of the request under way');
    expect((await recorded(key)).length).to.be.within(1, 2);
  });

  it('a src that redirects to another origin: that origin’s answer is not used, nor retried', async () => {
    const key = uniqueKey('cross');
    const other = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    // That origin lets anyone read its answer: only the element's own rule keeps it out.
    const ready = { body: { redirect_data: { method: 'GET', url: target('evil') } }, cors: true };
    const elsewhere = `${other}${script(`${key}-elsewhere`, ready)}`;
    const src = `/__test/redirect?${new URLSearchParams({ key, to: elsewhere })}`;
    const polls = watchFetches(src);
    const { el, events } = await mountRedirect({ src, 'poll-interval': '10' });
    await until(() => events.get('ecommpay-error')!.length > 0, 'the refusal');
    expect(events.get('ecommpay-error')!.map((e) => e.detail)).to.deep.equal([
      {
        code: 'redirect-unavailable',
        message: `src must answer from its own origin, not redirect to ${other}`,
        issues: [{ field: 'src', rule: 'answer', message: `src must answer from its own origin, not redirect to ${other}`, params: { expected: `from its own origin, not redirect to ${other}` } }],
      },
    ]);
    // Nothing marks "not retried": a retry would be due 10 ms after the refusal; allow for it.
    await quietPeriod(100);
    expect(polls.count).to.equal(1);
    expect(pageNavigations).to.have.length(0);
    await el.updateComplete;
    expect(alertText(el)).to.contain('not available yet');
  });

  it('a src that redirects within its origin is followed', async () => {
    const key = uniqueKey('same');
    const ready = { body: { redirect_data: { method: 'GET', url: target('same') } } };
    const src = `/__test/redirect?${new URLSearchParams({ key, to: script(`${key}-there`, ready) })}`;
    const { events } = await mountRedirect({ src, 'poll-interval': '10' });
    await until(() => pageNavigations.length > 0, 'the redirect');
    expect(pageNavigations[0]!.url).to.equal(target('same'));
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  for (const [attribute, value, rule] of [
    ['poll-interval', '0', 'positive-integer'],
    ['poll-timeout', '2147483648', 'max'],
    ['fallback-delay', '-5', 'positive-integer'],
  ] as const) {
    it(`${attribute}="${value}": invalid-config naming it, and src is never polled`, async () => {
      const src = script(uniqueKey('timers'), WAITING);
      const polls = watchFetches(src);
      const { el, events } = await mountRedirect({ src, [attribute]: value });
      const errors = events.get('ecommpay-error')!.map((e) => e.detail);
      expect(errors.map((d) => d.code)).to.deep.equal(['invalid-config']);
      expect(errors[0]!.issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`)).to.deep.equal([`${attribute} ${rule}`]);
      expect(polls.count).to.equal(0);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="spinner"]')).to.equal(null);
      expect(alertText(el)).to.contain('Please contact the shop');
      // Fixed, it starts: src is polled.
      el.setAttribute(attribute, '20');
      await polls.calls(1);
    });
  }

  it('stops polling when the element is removed', async () => {
    const key = uniqueKey('removed');
    const src = script(key, WAITING);
    const polls = watchFetches(src);
    const { el } = await mountRedirect({ src, 'poll-interval': '20' });
    await polls.calls(2);
    el.remove();
    const count = polls.count;
    // Nothing marks "polling stopped": a third poll would be due 30 ms after the second's answer; allow for it.
    await quietPeriod(150);
    expect(polls.count).to.equal(count);
    expect(await recorded(key)).to.have.length.at.most(count);
  });

  it('a new src replaces the old one: the old is no longer polled', async () => {
    const a = uniqueKey('a');
    const b = uniqueKey('b');
    const { el } = await mountRedirect({ src: script(a, WAITING), 'poll-interval': '20' });
    await until(async () => (await recorded(a)).length >= 1, 'a first poll');
    el.src = script(b, WAITING);
    await until(async () => (await recorded(b)).length >= 2, 'polls of the new src');
    const count = (await recorded(a)).length;
    // The new src, on a backoff no slower than the old one's, is polled twice more: the old one not at all.
    await until(async () => (await recorded(b)).length >= 4, 'two more polls of the new src');
    expect(await recorded(a)).to.have.length(count);
  });
});

describe('<ecommpay-redirect src> restarts', () => {
  afterEach(reset);

  it('changing allowed-hosts while polling re-checks and keeps polling', async () => {
    const key = uniqueKey('hosts');
    const { el } = await mountRedirect({ src: script(key, WAITING), 'poll-interval': '20' });
    await until(async () => (await recorded(key)).length >= 1, 'a first poll');
    el.allowedHosts = 'bank.example';
    await el.updateComplete;
    const count = (await recorded(key)).length;
    await until(async () => (await recorded(key)).length >= count + 2, 'polling goes on');
    expect(statusText(el)).to.equal('Contacting your bank…');
  });

  it('polling resumes when a removed element is put back', async () => {
    const key = uniqueKey('back');
    const src = script(key, WAITING);
    const polls = watchFetches(src);
    const { el } = await mountRedirect({ src, 'poll-interval': '20' });
    await until(async () => (await recorded(key)).length >= 1, 'a first poll');
    const parent = el.parentElement!;
    el.remove();
    // The endpoint can only ever have seen the requests made so far: any more come from the element put back.
    const count = polls.count;
    parent.append(el);
    await until(async () => (await recorded(key)).length > count, 'polling again');
  });
});
