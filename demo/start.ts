/**
 * `npm start`: the demo shop on http://localhost:5173 (PORT) and the ecommpay sandbox on
 * http://localhost:5174 (SANDBOX_PORT), both on 127.0.0.1 (HOST). Orders live in PGlite under
 * `.demo-data/pglite` (DATA_DIR), or in PostgreSQL when DATABASE_URL is set. With
 * ECOMMPAY_PROJECT_ID, ECOMMPAY_SECRET_KEY, ECOMMPAY_PAYMENT_PAGE_URL and ECOMMPAY_GATE_URL set,
 * the backend talks to ecommpay instead of the sandbox.
 */
import { startDemo } from './server.ts';

const port = (value: string | undefined, fallback: number) => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Not a port: ${value}`);
  return n;
};

try {
  const demo = await startDemo({
    port: port(process.env.PORT, 5173),
    sandboxPort: port(process.env.SANDBOX_PORT, 5174),
  });
  console.log('');
  console.log(`  ecommpay-elements demo is running: open ${demo.url}/`);
  console.log('');
  if (demo.sandboxUrl) {
    console.log(`  ecommpay sandbox (Payment Page, Gate, callbacks): ${demo.sandboxUrl}/`);
    console.log('  Demo project 4242 with a DEMO KEY: everything is local, no account, no network.');
  } else {
    console.log('  Talking to ecommpay (ECOMMPAY_* variables set): no sandbox started.');
  }
  console.log(
    demo.database.kind === 'postgres'
      ? '  Orders, callbacks and balances: PostgreSQL (DATABASE_URL).'
      : `  Orders, callbacks and balances: embedded PostgreSQL (PGlite) in ${process.env.DATA_DIR ?? '.demo-data/pglite'}; they survive a restart.`,
  );
  console.log('  Press Ctrl+C to stop.');
  console.log('');
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    console.error(`A port is already in use (${(error as Error).message}). Set PORT and SANDBOX_PORT to free ports.`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
