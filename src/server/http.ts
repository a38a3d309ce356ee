/**
 * The HTTP edges every handler shares: a body read with a size cap, JSON answers, and
 * `toNodeHandler`, which mounts a Fetch-standard handler on `node:http`, Express, Fastify's raw
 * handler or Koa. No `node:` imports: the server entry stays loadable on edge runtimes.
 */

/** A Fetch-standard handler, as `createSignHandler` and `createCallbackHandler` return. */
export type FetchHandler = (request: Request, info?: HandlerInfo) => Promise<Response>;

/** What an adapter knows about the request beyond the Fetch `Request` (Deno's `info`, Bun's `server`). */
export interface HandlerInfo {
  /** The peer's address (without a proxy in front: the buyer's; behind one: the proxy's). */
  remoteAddress?: string;
}

/** A JSON `Response` that no cache keeps. */
export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

export type BodyRead = { ok: true; text: string } | { ok: false; status: 400 | 413; error: string };

/**
 * The request body as UTF-8 text, reading at most `maxBytes`: a larger body (by its
 * `Content-Length` or as it streams) is refused with 413 without being buffered.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyRead> {
  const tooLarge = { ok: false, status: 413, error: `the body must be at most ${maxBytes} bytes` } as const;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, error: 'the body could not be read' };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, error: 'the body must be UTF-8' };
  }
}

// ── node:http ──────────────────────────────────────────────────────────────

/** The parts of Node's `IncomingMessage` the adapter reads (Express's and Koa's `req` are one). */
export interface NodeRequest {
  method?: string | undefined;
  url?: string | undefined;
  /** Express sets it; the rest of the URL is relative to the mount point. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean } | null;
  /** A body an earlier middleware already parsed (`express.json()`, `express.raw()`, `express.text()`). */
  body?: unknown;
  readableEnded?: boolean;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause?(): unknown;
  resume?(): unknown;
}

/** The parts of Node's `ServerResponse` the adapter writes. */
export interface NodeResponse {
  headersSent?: boolean;
  writeHead(status: number, headers?: Record<string, string | string[]>): unknown;
  write(chunk: Uint8Array): unknown;
  end(chunk?: Uint8Array | string): unknown;
}

export interface NodeHandlerOptions {
  /**
   * The origin requests are addressed to (`https://shop.example`). Default: `http(s)://` + the
   * `Host` header. Set it behind a proxy, and wherever `Host` is not to be trusted.
   */
  origin?: string;
}

/** A Node request's body as a stream, read only as far as the handler reads it. */
function bodyStream(req: NodeRequest): ReadableStream<Uint8Array> | null {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return null;
  // A body parser ran first: hand the handler what it kept.
  if (req.body !== undefined && req.readableEnded !== false) {
    const parsed = req.body;
    const bytes =
      parsed instanceof Uint8Array
        ? parsed
        : new TextEncoder().encode(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
    return new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
  }
  const encoder = new TextEncoder();
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk) => {
          if (!open) return;
          controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : new Uint8Array(chunk));
          req.pause?.();
        });
        req.on('end', () => {
          if (open) controller.close();
          open = false;
        });
        req.on('error', (error) => {
          if (open) controller.error(error);
          open = false;
        });
        req.pause?.();
      },
      pull() {
        req.resume?.();
      },
      cancel() {
        // The handler has read enough (a 413): what is left is read and dropped, never kept.
        open = false;
        req.resume?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Mounts a Fetch-standard handler on `node:http` (and so on Express, Fastify's raw `req`/`res`
 * and Koa's `ctx.req`/`ctx.res`). The body streams to the handler, so its size cap holds; the
 * peer address reaches it as `info.remoteAddress`; an exception becomes a bare 500.
 *
 *   http.createServer(toNodeHandler(createCallbackHandler({ … }))).listen(8080);
 *   app.post('/api/ecommpay/callback', toNodeHandler(callbackHandler));   // Express
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): (req: NodeRequest, res: NodeResponse) => Promise<void> {
  return async (req, res) => {
    let response: Response;
    try {
      const host = [req.headers.host].flat()[0] ?? 'localhost';
      const origin = options.origin ?? `${req.socket?.encrypted ? 'https' : 'http'}://${host}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name.startsWith(':')) continue;
        for (const v of [value].flat()) headers.append(name, v);
      }
      const body = bodyStream(req);
      const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers };
      if (body) {
        init.body = body;
        init.duplex = 'half';
      }
      const request = new Request(new URL(req.originalUrl ?? req.url ?? '/', origin), init);
      const address = req.socket?.remoteAddress?.replace(/^::ffff:/, '');
      response = await handler(request, address ? { remoteAddress: address } : {});
    } catch {
      response = new Response('internal error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    if (res.headersSent) return void res.end();
    res.writeHead(response.status, headers);
    if (!response.body) return void res.end();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    } finally {
      res.end();
    }
  };
}
