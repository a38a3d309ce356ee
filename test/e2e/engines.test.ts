/**
 * The built CDN file in Chromium, Firefox and WebKit, where the browser test runner cannot go: a
 * merchant's page (top window, `localhost`) frames a page of another origin (`127.0.0.1`) holding
 * `<ecommpay-redirect target="_top" manual>`. When the buyer presses "continue", the top window
 * must go to the bank with the body: a frame of another origin may set `top.location.href` but not
 * call `top.location.assign()`. (Firefox and WebKit let such a frame take the top window only
 * after a click of the buyer's, hence `manual`; Chromium also without one.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { engines, selectedEngines } from '../../scripts/browsers.mjs';
import { chromiumArgs } from '../../scripts/chromium.mjs';
import { startWebKit, startXvfb } from '../../scripts/webkit-launcher.mjs';
import { By, until } from 'selenium-webdriver';
import { until as eventually } from '../node/helpers.ts';

/** What a test needs of a browser: open a URL, press the element's button in its frame, read where the window is. */
interface Tab {
  press(): Promise<void>;
  href(): Promise<string>;
}
interface Engine {
  open(url: string): Promise<Tab>;
  close(): Promise<void>;
}

async function launch(name: string): Promise<Engine> {
  if (name === 'webkit') {
    const { driver: driverPath, browser: browserPath, xvfb: xvfbPath } = engines.webkit.paths();
    const xvfb = await startXvfb(xvfbPath);
    const session = await startWebKit({ driverPath, browserPath }, xvfb.display).catch((error: unknown) => {
      xvfb.child.kill();
      throw error;
    });
    return {
      async open(url) {
        const { driver } = session;
        await driver.get(url);
        return {
          async press() {
            await driver.switchTo().frame(0);
            const host = await driver.wait(until.elementLocated(By.css('ecommpay-redirect')), 10_000);
            const button = await driver.wait(async () => (await host.getShadowRoot()).findElement(By.css('[part="button"]')).catch(() => null), 10_000);
            await button!.click();
            await driver.switchTo().defaultContent();
          },
          href: () => driver.executeScript<string>('return location.href'),
        };
      },
      async close() {
        await session.quit();
        xvfb.child.kill();
      },
    };
  }
  const browser = await puppeteer.launch(
    name === 'firefox'
      ? { browser: 'firefox', executablePath: engines.firefox.paths().browser, headless: true }
      : { executablePath: engines.chromium.paths().browser, headless: true, args: chromiumArgs },
  );
  return {
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return {
        async press() {
          const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
          await (await frame.waitForSelector('pierce/[part="button"]'))!.click();
        },
        // Read from the page itself (under BiDi, page.url() can lag behind a navigation); while the
        // page is changing there is nothing to read yet.
        href: () => page.evaluate(() => location.href).catch(() => 'about:blank'),
      };
    },
    close: () => browser.close(),
  };
}

const iife = () => {
  try {
    return readFileSync('dist/cdn/ecommpay-elements.iife.js');
  } catch {
    throw new Error('dist/cdn/ecommpay-elements.iife.js is missing: run `npm run build` first (npm test does).');
  }
};

/** A request that reached the bank. */
interface Arrival {
  method: string;
  url: string;
  fields: [string, string][];
}

describe('the built file in every engine: target="_top" from a frame of another origin', () => {
  let server: Server;
  let port = 0;
  const arrivals: Arrival[] = [];
  const script = iife();
  const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/ecommpay-elements.iife.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      } else if (url.pathname === '/shop') {
        const frame = `http://127.0.0.1:${port}/psp?${url.searchParams}`;
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>shop</title><iframe src="${frame.replace(/"/g, '&quot;')}"></iframe>`);
      } else if (url.pathname === '/psp') {
        const data = url.searchParams.get('data') ?? '';
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><meta charset="utf-8"><title>psp</title><script src="/ecommpay-elements.iife.js"></script>` +
              `<ecommpay-redirect target="_top" manual redirect-data='${escapeAttribute(data)}'></ecommpay-redirect>`,
          );
      } else if (url.pathname === '/bank') {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
          const fields = req.method === 'POST' ? [...new URLSearchParams(body)] : [...url.searchParams].filter(([k]) => k !== 'k');
          arrivals.push({ method: req.method ?? '', url: req.url ?? '', fields });
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bank</title>');
        });
      } else {
        res.writeHead(404).end();
      }
    });
    // Both loopback names reach it: `localhost` is the shop, `127.0.0.1` the other origin.
    await new Promise<void>((resolve) => server.listen(0, resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const name of selectedEngines()) {
    describe(name, () => {
      let engine: Engine;
      before(async () => {
        engine = await launch(name);
      });
      after(() => engine?.close());

      for (const method of ['GET', 'POST'] as const) {
        it(`${method}: "continue" takes the top window to the bank with the body in UTF-8, not the frame`, async () => {
          const k = `${name}-${method}`;
          const bank = `http://localhost:${port}/bank?k=${k}`;
          const data = JSON.stringify({ method, url: bank, body: { a: '中文 & 1', b: 'x=y' } });
          const shop = await engine.open(`http://localhost:${port}/shop?${new URLSearchParams({ data })}`);
          await shop.press();
          await eventually(() => arrivals.some((a) => a.url.includes(`k=${k}`)), `${method} at the bank`, 15_000);
          const arrival = arrivals.find((a) => a.url.includes(`k=${k}`))!;
          assert.equal(arrival.method, method);
          assert.deepEqual(arrival.fields, [
            ['a', '中文 & 1'],
            ['b', 'x=y'],
          ]);
          await eventually(async () => new URL(await shop.href()).pathname === '/bank', 'the top window at the bank', 15_000);
        });
      }
    });
  }
});
