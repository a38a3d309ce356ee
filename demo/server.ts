/**
 * `startDemo`: the demo shop (Vite in middleware mode for the pages, the reference backend under
 * `/api`) on one origin, and the ecommpay sandbox on another. `npm start` and the end-to-end
 * tests use it; `startShop` and `startSandbox` start one side alone (the fault tests restart the
 * shop while the sandbox keeps retrying its callbacks).
 *
 * Both listen on 127.0.0.1 unless `HOST` says otherwise, and answer only requests addressed to
 * them by a name they know (`localhost`, `127.0.0.1`, `[::1]`, `HOST`), so a web page cannot reach
 * them through a DNS name of its own (DNS rebinding).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { toNodeHandler } from '../src/server/index.ts';
import { createBackend, seedDemo, type Backend } from './backend/app.ts';
import { openDatabase, type Database } from './backend/db.ts';
import { Store } from './backend/store.ts';
import { DEMO_PROJECT_ID, DEMO_SECRET_KEY, connectionFromEnv, sandboxConnection, type EcommpayConnection } from './config.ts';
import { ecommpayRetrySchedule } from './sandbox/callbacks.ts';
import { createSandbox, type Sandbox } from './sandbox/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `npm start` keeps its embedded database (PGlite) unless `DATA_DIR` or `DATABASE_URL` is set. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.demo-data/pglite', import.meta.url));

export interface DemoOptions {
  /** The shop's port (0: any free port). Default 5173. */
  port?: number;
  /** The sandbox's port (0: any free port). Default 5174. */
  sandboxPort?: number;
  /** The interface both listen on. Default `127.0.0.1` (`HOST`). */
  host?: string;
  /** Talk to ecommpay instead of the sandbox. Default: from the ECOMMPAY_* variables, else the sandbox. */
  connection?: EcommpayConnection | null;
  /** PostgreSQL (`DATABASE_URL`); when unset, PGlite in `dataDir`. */
  databaseUrl?: string | null;
  /** PGlite's folder (`DATA_DIR`, default `.demo-data/pglite`); `null`: in memory, gone at exit. */
  dataDir?: string | null;
  /** Waits between a sandbox callback's attempts (ms). Default: ecommpay's schedule. */
  callbackRetryIntervals?: readonly number[];
  /** Vite's log level. Default `warn`. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Watch the files and reload pages on change (default `true`; tests turn it off). */
  watch?: boolean;
}

export interface Demo {
  /** The shop, e.g. `http://localhost:5173`. */
  url: string;
  /** The sandbox, or `null` when talking to ecommpay. */
  sandboxUrl: string | null;
  backend: Backend;
  sandbox: Sandbox | null;
  database: Database;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** The `Host` values a server on `port` answers to. */
function knownHosts(host: string, port: number): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host];
  return new Set(names.map((name) => `${name}:${port}`));
}

/** Refuses a request addressed to a name this server does not know; `true` when it did. */
function refuseUnknownHost(hosts: Set<string>, req: IncomingMessage, res: ServerResponse): boolean {
  if (hosts.has((req.headers.host ?? '').toLowerCase())) return false;
  res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request: unknown Host');
  return true;
}

export interface SandboxServer {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** The ecommpay sandbox alone, its callbacks going to `callbackUrl()`. */
export async function startSandbox(options: {
  port?: number;
  host?: string;
  projectId?: number;
  secretKey?: string;
  callbackUrl: () => string;
  retryIntervals?: readonly number[];
}): Promise<SandboxServer> {
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  let url = '';
  let hosts = new Set<string>();
  const sandbox = createSandbox({
    projectId: options.projectId ?? DEMO_PROJECT_ID,
    secretKey: options.secretKey ?? DEMO_SECRET_KEY,
    callbackUrl: options.callbackUrl,
    origin: () => url,
    retryIntervals: options.retryIntervals ?? ecommpayRetrySchedule(),
  });
  const handler = toNodeHandler((request) => sandbox.handle(request));
  const server = createHttpServer((req, res) => {
    if (!refuseUnknownHost(hosts, req, res)) void handler(req, res);
  });
  const port = await listen(server, options.port ?? 5174, host);
  hosts = knownHosts(host, port);
  url = `http://localhost:${port}`;
  return {
    url,
    sandbox,
    async close() {
      sandbox.close();
      await closeServer(server);
    },
  };
}

export interface ShopServer {
  url: string;
  backend: Backend;
  database: Database;
  close(): Promise<void>;
}

/** The shop alone: the reference backend under `/api` and the demo pages, on its database. */
export async function startShop(options: Omit<DemoOptions, 'sandboxPort' | 'callbackRetryIntervals'> & { connection: EcommpayConnection }): Promise<ShopServer> {
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const databaseUrl = options.databaseUrl === undefined ? (process.env.DATABASE_URL ?? null) : options.databaseUrl;
  const dataDir = options.dataDir === undefined ? (process.env.DATA_DIR ?? DEFAULT_DATA_DIR) : options.dataDir;
  const database = await openDatabase({ url: databaseUrl || null, dataDir });
  const store = new Store(database);
  let vite: ViteDevServer | null = null;
  let server: Server | null = null;
  try {
    await seedDemo(store);
    const backend = createBackend({ connection: options.connection, store });
    const api = toNodeHandler((request, info) => backend.handle(request, info));
    let hosts = new Set<string>();
    server = createHttpServer((req, res) => {
      if (refuseUnknownHost(hosts, req, res)) return;
      if ((req.url ?? '/').startsWith('/api/')) return void api(req, res);
      if (!vite) return void res.writeHead(503).end();
      vite.middlewares(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      });
    });
    const port = await listen(server, options.port ?? 5173, host);
    hosts = knownHosts(host, port);
    vite = await createViteServer({
      root: ROOT,
      appType: 'mpa',
      logLevel: options.logLevel ?? 'warn',
      clearScreen: false,
      server: { middlewareMode: true, ws: { server }, ...(options.watch === false ? { watch: null } : {}) },
      // Dependencies are served as the ES modules they are: no pre-bundling, so no reload mid-page.
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    const running = server;
    return {
      url: `http://localhost:${port}`,
      backend,
      database,
      async close() {
        await vite?.close();
        await closeServer(running);
        await database.close();
      },
    };
  } catch (error) {
    await vite?.close();
    if (server?.listening) await closeServer(server);
    await database.close();
    throw error;
  }
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const connectionOption = options.connection === undefined ? connectionFromEnv() : options.connection;
  let shopUrl = '';
  // The sandbox first (its URL goes into the connection), unless we talk to ecommpay.
  const sandbox = connectionOption
    ? null
    : await startSandbox({
        port: options.sandboxPort ?? 5174,
        ...(options.host ? { host: options.host } : {}),
        callbackUrl: () => `${shopUrl}/api/ecommpay/callback`,
        ...(options.callbackRetryIntervals ? { retryIntervals: options.callbackRetryIntervals } : {}),
      });
  let shop: ShopServer;
  try {
    shop = await startShop({ ...options, connection: connectionOption ?? sandboxConnection(sandbox!.url) });
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  shopUrl = shop.url;
  return {
    url: shop.url,
    sandboxUrl: sandbox?.url ?? null,
    backend: shop.backend,
    sandbox: sandbox?.sandbox ?? null,
    database: shop.database,
    async close() {
      await sandbox?.close();
      await shop.close();
    },
  };
}
