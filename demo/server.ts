/**
 * `startDemo`: the demo shop (Vite in middleware mode for the pages, the reference backend under
 * `/api`) on one origin, and the ecommpay sandbox on another. `npm start` and the end-to-end
 * tests both use it.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { createBackend, type Backend } from './backend/app.ts';
import { connectionFromEnv, sandboxConnection, type EcommpayConnection } from './config.ts';
import { sendResponse, toRequest } from './http.ts';
import { createSandbox, type Sandbox } from './sandbox/server.ts';

export interface DemoOptions {
  /** The shop's port (0: any free port). Default 5173. */
  port?: number;
  /** The sandbox's port (0: any free port). Default 5174. */
  sandboxPort?: number;
  /** Talk to ecommpay instead of the sandbox. Default: from the ECOMMPAY_* variables, else the sandbox. */
  connection?: EcommpayConnection | null;
  /** Retry intervals of unacknowledged sandbox callbacks (ms). */
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
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Runs a Fetch handler for a Node request. */
async function serveFetch(handler: (r: Request) => Promise<Response>, origin: string, req: IncomingMessage, res: ServerResponse) {
  try {
    await sendResponse(res, await handler(await toRequest(req, origin)));
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('internal error');
  }
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const connectionOption = options.connection === undefined ? connectionFromEnv() : options.connection;

  // The sandbox, unless we talk to ecommpay.
  let sandbox: Sandbox | null = null;
  let sandboxServer: Server | null = null;
  let sandboxUrl: string | null = null;
  let shopUrl = '';
  if (!connectionOption) {
    sandboxServer = createHttpServer((req, res) => {
      if (!sandbox) return void res.writeHead(503).end();
      void serveFetch(sandbox.handle, sandboxUrl!, req, res);
    });
    sandboxUrl = `http://localhost:${await listen(sandboxServer, options.sandboxPort ?? 5174)}`;
  }
  const connection = connectionOption ?? sandboxConnection(sandboxUrl!);

  // The shop: /api/* to the backend, everything else to Vite.
  let vite: ViteDevServer | null = null;
  const backend = createBackend({ connection, publicUrl: () => shopUrl });
  const shopServer = createHttpServer((req, res) => {
    if ((req.url ?? '/').startsWith('/api/')) return void serveFetch(backend.handle, shopUrl, req, res);
    if (!vite) return void res.writeHead(503).end();
    vite.middlewares(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    });
  });
  try {
    shopUrl = `http://localhost:${await listen(shopServer, options.port ?? 5173)}`;
  } catch (error) {
    if (sandboxServer) await close(sandboxServer);
    throw error;
  }

  if (sandboxServer) {
    sandbox = createSandbox({
      projectId: connection.projectId,
      secretKey: connection.secretKey,
      callbackUrl: () => `${shopUrl}/api/ecommpay/callback`,
      origin: () => sandboxUrl!,
      ...(options.callbackRetryIntervals ? { retryIntervals: options.callbackRetryIntervals } : {}),
    });
  }

  vite = await createViteServer({
    root: ROOT,
    appType: 'mpa',
    logLevel: options.logLevel ?? 'warn',
    clearScreen: false,
    server: { middlewareMode: true, ws: { server: shopServer }, ...(options.watch === false ? { watch: null } : {}) },
    // Dependencies are served as the ES modules they are: no pre-bundling, so no reload mid-page.
    optimizeDeps: { noDiscovery: true, include: [] },
  });

  return {
    url: shopUrl,
    sandboxUrl,
    backend,
    sandbox,
    async close() {
      sandbox?.close();
      await vite?.close();
      await close(shopServer);
      if (sandboxServer) await close(sandboxServer);
    },
  };
}
