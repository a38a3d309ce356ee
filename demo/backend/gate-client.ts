/**
 * Talking to ecommpay's Gate from the merchant backend: sign the request (`general.signature`),
 * POST it as JSON, read the synchronous answer. The result comes later, as a callback.
 */
import { signParams } from '../../src/server/index.ts';
import type { EcommpayConnection } from '../config.ts';

export interface GateAnswer {
  ok: boolean;
  status: number;
  body: Record<string, unknown>;
}

/** Signs `request` (its `general.signature` replaced) and POSTs it to `<gateUrl><path>`. */
export async function callGate(connection: EcommpayConnection, path: string, request: { general: Record<string, unknown> } & Record<string, unknown>): Promise<GateAnswer> {
  const general = { ...request.general };
  delete general.signature;
  const unsigned = { ...request, general };
  const signed = { ...unsigned, general: { ...general, signature: await signParams(unsigned, connection.secretKey) } };
  let response: Response;
  try {
    response = await fetch(`${connection.gateUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(signed),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return { ok: false, status: 502, body: { message: `Gate unreachable: ${error instanceof Error ? error.message : String(error)}` } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = { message: `Gate answered HTTP ${response.status} without JSON` };
  }
  const record = (body && typeof body === 'object' ? body : { value: body }) as Record<string, unknown>;
  return { ok: response.ok, status: response.status, body: record };
}
