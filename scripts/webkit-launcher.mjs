// A @web/test-runner launcher for WebKit: Debian's WebKitGTK MiniBrowser, driven through its
// WebKitWebDriver by selenium-webdriver, as a real window on a private Xvfb display (MiniBrowser
// has no headless mode). One MiniBrowser per concurrent session. It speaks the runner's `webdriver`
// type, so `sendKeys` and `sendMouse` from @web/test-runner-commands work through it.
// MiniBrowser starts with WebKit's Navigation API switched on (a "testable" feature in WebKitGTK
// 2.50): only the tests' harness uses it, to capture and cancel navigations; the library does not.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, Button, Key, Origin } from 'selenium-webdriver';

/** Every process started here, killed when Node exits whatever happened (a failed start included). */
const children = new Set();
process.once('exit', () => {
  for (const child of children) child.kill();
});
const track = (child) => {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
};

/** A free loopback port (the driver listens on it). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts Xvfb on the first free display (`-displayfd`) and resolves `:N` once it is ready. */
export function startXvfb(path) {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(path, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, display: `:${out.trim()}` });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${err.trim()}`)));
  });
}

/** Starts WebKitWebDriver on a free port and resolves its URL once it answers `/status`. */
async function startDriver(path, env) {
  const port = await freePort();
  const child = track(spawn(path, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'pipe'] }));
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((_, reject) =>
    child.on('exit', (code) => reject(new Error(`WebKitWebDriver exited (${code}): ${err.trim()}`))),
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await Promise.race([
      fetch(`${url}/status`).then((res) => res.ok, () => false),
      exited,
    ]);
    if (ready) return { child, url };
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`WebKitWebDriver did not answer on ${url}: ${err.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The runner's key names (Puppeteer's) as WebDriver key codes; single characters pass through. */
const KEYS = {
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
  Tab: Key.TAB,
  Space: Key.SPACE,
  Backspace: Key.BACK_SPACE,
  Delete: Key.DELETE,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  Home: Key.HOME,
  End: Key.END,
  PageUp: Key.PAGE_UP,
  PageDown: Key.PAGE_DOWN,
  Shift: Key.SHIFT,
  Control: Key.CONTROL,
  Alt: Key.ALT,
  Meta: Key.META,
};
const key = (name) => {
  if (name in KEYS) return KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`webkit launcher: no WebDriver key for "${name}"`);
};
const BUTTONS = { left: Button.LEFT, middle: Button.MIDDLE, right: Button.RIGHT };

/**
 * A WebDriver session on a new MiniBrowser, on `display`; `quit()` ends the browser and the driver.
 * @param {{ driverPath: string, browserPath: string }} paths
 */
export async function startWebKit({ driverPath, browserPath }, display) {
  const { child, url } = await startDriver(driverPath, { ...process.env, DISPLAY: display });
  let driver;
  try {
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: browserPath, args: ['--automation', '--features=+NavigationAPI'] },
      })
      .build();
    await driver.manage().window().setRect({ x: 0, y: 0, width: 800, height: 600 });
  } catch (error) {
    await driver?.quit().catch(() => {});
    child.kill();
    throw error;
  }
  return {
    driver,
    quit: async () => {
      await driver.quit().catch(() => {});
      child.kill();
    },
  };
}

/**
 * @param {{ driverPath: string, browserPath: string, xvfbPath: string, concurrency?: number }} options
 * @returns {import('@web/test-runner').BrowserLauncher}
 */
export function webkitLauncher({ driverPath, browserPath, xvfbPath, concurrency = 1 }) {
  /** @type {Promise<{ child: import('node:child_process').ChildProcess, display: string }> | undefined} */
  let xvfb;
  const idle = []; // drivers between sessions, reused
  const all = []; // every session started, for stop()
  const active = new Map(); // sessionId → driver

  async function newDriver() {
    xvfb ??= startXvfb(xvfbPath);
    const session = await startWebKit({ driverPath, browserPath }, (await xvfb).display);
    all.push(session);
    return session.driver;
  }

  const driverOf = (sessionId) => {
    const driver = active.get(sessionId);
    if (!driver) throw new Error(`webkit launcher: no session ${sessionId}`);
    return driver;
  };
  const actions = (sessionId) => driverOf(sessionId).actions({ async: true });

  return {
    name: 'WebKit',
    type: 'webdriver',
    concurrency,
    async startSession(sessionId, url) {
      const driver = idle.pop() ?? (await newDriver());
      active.set(sessionId, driver);
      await driver.get(url);
    },
    isActive: (sessionId) => active.has(sessionId),
    getBrowserUrl: (sessionId) => driverOf(sessionId).getCurrentUrl(),
    async stopSession(sessionId) {
      const driver = driverOf(sessionId);
      active.delete(sessionId);
      // An empty page stops the test page's timers and any reload loop before the next file.
      await driver.get('about:blank');
      idle.push(driver);
      return {};
    },
    startDebugSession() {
      throw new Error('The WebKit launcher has no debug mode: run the file in Chromium with --manual.');
    },
    async stop() {
      await Promise.all(all.map((session) => session.quit()));
      if (xvfb) (await xvfb.catch(() => null))?.child.kill();
    },
    // What @web/test-runner-commands calls for `webdriver` launchers.
    sendKeys: (sessionId, keys) =>
      actions(sessionId)
        .sendKeys(...keys.map(key))
        .perform(),
    sendMouseMove: (sessionId, x, y) => actions(sessionId).move({ x, y, origin: Origin.VIEWPORT }).perform(),
    sendMouseClick: (sessionId, x, y, button = 'left') =>
      actions(sessionId)
        .move({ x, y, origin: Origin.VIEWPORT })
        .press(BUTTONS[button])
        .release(BUTTONS[button])
        .perform(),
    sendMouseDown: (sessionId, button = 'left') => actions(sessionId).press(BUTTONS[button]).perform(),
    sendMouseUp: (sessionId, button = 'left') => actions(sessionId).release(BUTTONS[button]).perform(),
    resetMouse: (sessionId) => driverOf(sessionId).actions().clear(),
  };
}
