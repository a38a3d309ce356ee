/** The `redirect_data` examples of ecommpay's documentation, followed exactly (navigations captured, not sent). */
import { expect } from '@open-wc/testing';
import type { RedirectDetail } from '../../../src/elements/redirect/events.ts';
import { CUP_BODY, CUP_URL, PH_URL } from '../../fixtures/redirect.ts';
import { mountRedirect, pageNavigations, reset, until } from './harness.ts';

describe('<ecommpay-redirect> with the documented examples', () => {
  afterEach(reset);

  for (const [label, body] of [
    ['body {}', '{}'],
    ['body [] (a PHP empty map), with encrypted: []', '[]'],
  ] as const) {
    it(`Philippines: GET ${label} opens the URL as it is`, async () => {
      const json = `{"method":"GET","body":${body},"encrypted":[],"url":"${PH_URL}"}`;
      const { events } = await mountRedirect({ 'redirect-data': json });
      await until(() => pageNavigations.length > 0, 'a navigation');
      expect(pageNavigations).to.deep.equal([{ url: PH_URL, method: 'GET', fields: [] }]);
      const detail = events.get('ecommpay-redirect')![0]!.detail as RedirectDetail;
      expect(detail).to.deep.equal({ method: 'GET', url: PH_URL, fields: [] });
      expect(events.get('ecommpay-error')).to.have.length(0);
    });
  }

  it('CUP: GET with string fields added to the plain-http URL\'s query, Chinese and + / = intact', async () => {
    const redirectData = JSON.parse(
      JSON.stringify({ method: 'GET', body: Object.fromEntries(CUP_BODY), encrypted: [], url: CUP_URL }),
    ) as unknown;
    const { events } = await mountRedirect({}, { redirectData });
    await until(() => pageNavigations.length > 0, 'a navigation');
    const [navigation] = pageNavigations;
    const url = new URL(navigation!.url);
    expect(url.protocol).to.equal('http:');
    expect(`${url.origin}${url.pathname}`).to.equal(CUP_URL);
    expect([...url.searchParams]).to.deep.equal(CUP_BODY);
    expect(url.search).to.contain('goodsTitle=%E7%BB%93%E7%AE%97%E6%AC%BE%E9%A1%B9');
    expect(url.search).to.contain('sign=TZUmn8bhp7BO93V06JxJCaf5xi%2BSne0eVfVOCt1mi6%2BYAdnY%2FIfbEBHC2yPXTRRGmquaKSE3uuiL6AfnOm');
    expect(url.search).to.match(/El6w%3D$/);
    const detail = events.get('ecommpay-redirect')![0]!.detail as RedirectDetail;
    expect(detail.method).to.equal('GET');
    expect(detail.url).to.equal(navigation!.url);
    expect(detail.fields).to.deep.equal(CUP_BODY);
  });
});
