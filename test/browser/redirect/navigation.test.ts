/** Real navigations in a frame: what arrives at the bank's end (the test endpoint) is exactly the body. */
import { expect } from '@open-wc/testing';
import { recorded, uniqueKey } from '../helpers.ts';
import { mountIn, openFrame, part, reset, until } from './harness.ts';

const formUrl = (key: string, query = '') => `${location.origin}/__test/form?key=${encodeURIComponent(key)}${query}`;

/** Twenty fields, with Chinese text and the characters form encoding must escape. */
const TWENTY: [string, string][] = [
  ['merchantId', '0004'],
  ['goodsTitle', '结算款项'],
  ['customerName', '张伟'],
  ['address', '北京市朝阳区 建国路 88 号'],
  ['ampersand', 'a&b&c'],
  ['equals', 'x=y==z'],
  ['plus', '1+1=2'],
  ['percent', '100%25 %'],
  ['spaces', '  leading and trailing  '],
  ['tab', 'a\tb'],
  ['quote', '"double" \'single\''],
  ['angle', '<b>not html</b>'],
  ['hash', '#fragment?query'],
  ['slash', '/path/to?x=1&y=2'],
  ['emoji', '支付 ✓ 😀'],
  ['empty', ''],
  ['sign', 'TZUmn8bhp7BO93V06JxJCaf5xi+Sne0eVf/El6w='],
  ['returnUrl', 'https://www.funtopay.com/hefu/return/?a=1&b=2'],
  ['名字', '键名也是中文'],
  ['last', 'end'],
];

describe('<ecommpay-redirect> navigating for real', () => {
  afterEach(reset);

  it('POST: 20 fields arrive exactly as the body, one hidden input each, in a UTF-8 form', async () => {
    const key = uniqueKey('post20');
    const frame = await openFrame();
    frame.block = false;
    const loaded = frame.nextLoad();
    const body = Object.fromEntries(TWENTY);
    const { events } = await mountIn(frame, {}, { redirectData: JSON.parse(JSON.stringify({ method: 'POST', url: formUrl(key), body })) as unknown });
    const form = frame.doc.body.querySelector('form');
    await loaded;
    const [request] = await recorded(key);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['content-type']).to.equal('application/x-www-form-urlencoded');
    expect(request!.fields).to.deep.equal(TWENTY);
    expect(events.get('ecommpay-redirect')![0]!.detail.fields).to.deep.equal(TWENTY);
    // The form the element built (still referenced from before the page left).
    expect(form!.getAttribute('accept-charset')).to.equal('UTF-8');
    expect(form!.getAttribute('method')).to.equal('post');
    expect(form!.querySelectorAll('input[type="hidden"]')).to.have.length(20);
    expect(frame.iframe.contentDocument!.getElementById('received')).to.exist;
  });

  it('POST: keys named submit, action, method, target and __proto__ are sent like any other', async () => {
    const key = uniqueKey('reserved');
    const frame = await openFrame();
    frame.block = false;
    const loaded = frame.nextLoad();
    // JSON.parse keeps "__proto__" as an own key (an object literal would set the prototype).
    const redirectData = JSON.parse(
      `{"method":"post","url":"${formUrl(key)}","body":{"submit":"s","action":"https://evil.example/","method":"get","target":"_blank","__proto__":"p","id":7,"ok":true,"no":false,"none":null}}`,
    ) as unknown;
    await mountIn(frame, {}, { redirectData });
    await loaded;
    const [request] = await recorded(key);
    expect(request!.method).to.equal('POST');
    expect(request!.url).to.equal(`/__test/form?key=${key}`);
    expect(request!.fields).to.deep.equal([
      ['submit', 's'],
      ['action', 'https://evil.example/'],
      ['method', 'get'],
      ['target', '_blank'],
      ['__proto__', 'p'],
      ['id', '7'],
      ['ok', 'true'],
      ['no', 'false'],
      ['none', ''],
    ]);
  });

  it('POST of 10,000 fields: every one arrives, in order (appended one by one they froze the tab for a minute and more)', async () => {
    const key = uniqueKey('many');
    const frame = await openFrame();
    frame.block = false;
    const loaded = frame.nextLoad();
    const body = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, `值${i}`]));
    await mountIn(frame, {}, { redirectData: { method: 'POST', url: formUrl(key), body } });
    await loaded;
    const [request] = await recorded(key);
    expect(request!.fields).to.deep.equal(Object.entries(body));
  });

  it('GET: the body is merged into the URL\'s own query, which is kept', async () => {
    const key = uniqueKey('get');
    const frame = await openFrame();
    frame.block = false;
    const loaded = frame.nextLoad();
    const url = formUrl(key, '&tokenid=3f511c2d&procid=BITC&note=a%20b');
    const { events } = await mountIn(frame, {
      'redirect-data': JSON.stringify({ method: 'GET', url, body: { amount: 1000, title: '结算 & more', procid: 'OVERRIDE' } }),
    });
    await loaded;
    const [request] = await recorded(key);
    expect(request!.method).to.equal('GET');
    expect(request!.fields).to.deep.equal([
      ['tokenid', '3f511c2d'],
      ['note', 'a b'],
      ['amount', '1000'],
      ['title', '结算 & more'],
      ['procid', 'OVERRIDE'],
    ]);
    const detail = events.get('ecommpay-redirect')![0]!.detail;
    expect(detail.url).to.contain('&tokenid=3f511c2d&note=a%20b&amount=1000&');
  });

  it('target="_top" from a sandboxed frame without allow-top-navigation: redirect-blocked, then this frame goes (GET)', async () => {
    const key = uniqueKey('top-get');
    const frame = await openFrame('allow-scripts allow-same-origin allow-forms');
    frame.block = false;
    const loaded = frame.nextLoad();
    const { events } = await mountIn(frame, { target: '_top', 'redirect-data': JSON.stringify({ method: 'GET', url: formUrl(key), body: { a: '1' } }) });
    expect(events.get('ecommpay-error')!.map((e) => e.detail.code)).to.deep.equal(['redirect-blocked']);
    await loaded;
    const [request] = await recorded(key);
    expect(request!.fields).to.deep.equal([['a', '1']]);
    expect(frame.iframe.contentDocument!.getElementById('received')).to.exist;
    expect(location.pathname).to.equal('/');
  });

  it('target="_top" from a sandboxed frame without allow-top-navigation: redirect-blocked, then this frame posts (POST)', async () => {
    const key = uniqueKey('top-post');
    const frame = await openFrame('allow-scripts allow-same-origin allow-forms');
    frame.block = false;
    const loaded = frame.nextLoad();
    const { events } = await mountIn(frame, { target: '_top', 'redirect-data': JSON.stringify({ method: 'POST', url: formUrl(key), body: { a: '1' } }) });
    expect(events.get('ecommpay-error')!.map((e) => e.detail.code)).to.deep.equal(['redirect-blocked']);
    const form = frame.doc.body.querySelector('form');
    expect(form!.getAttribute('target')).to.equal('_self');
    await loaded;
    const [request] = await recorded(key);
    expect(request!.method).to.equal('POST');
    expect(request!.fields).to.deep.equal([['a', '1']]);
  });

  it('target="_top" where allowed: the top window navigates (captured), not the frame', async () => {
    const { pageNavigations } = await import('./harness.ts');
    const key = uniqueKey('top-ok');
    const frame = await openFrame();
    const { events } = await mountIn(frame, { target: '_top', 'redirect-data': JSON.stringify({ method: 'POST', url: formUrl(key), body: { a: '1' } }) });
    await until(() => pageNavigations.length > 0, 'a top navigation');
    expect(pageNavigations).to.deep.equal([{ url: formUrl(key), method: 'POST', fields: [['a', '1']] }]);
    expect(frame.navigations).to.have.length(0);
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  it('a CSP form-action refusal: redirect-blocked, a visible message and the fallback, no silent spinner', async () => {
    const key = uniqueKey('csp');
    const frame = await openFrame(undefined, `<meta http-equiv="Content-Security-Policy" content="form-action 'none'">`);
    frame.block = false;
    const { el, events } = await mountIn(frame, { 'redirect-data': JSON.stringify({ method: 'POST', url: formUrl(key), body: { a: '1' } }) });
    await until(() => events.get('ecommpay-error')!.length > 0, 'redirect-blocked');
    expect(events.get('ecommpay-error')![0]!.detail.code).to.equal('redirect-blocked');
    expect(events.get('ecommpay-error')![0]!.detail.message).to.contain('form-action');
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.contain('Your browser stopped the automatic redirect');
    expect(part(el, 'spinner')).to.equal(null);
    expect(part(el, 'fallback')!.localName).to.equal('button');
    expect(await recorded(key)).to.have.length(0);
  });
});
