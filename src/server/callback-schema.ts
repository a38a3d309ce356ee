/**
 * The standard callback (SPEC §6) as a `zod/mini` schema, read leniently where ecommpay varies.
 * Server-only: no page needs it, so no browser bundle carries it.
 */
import * as z from 'zod/mini';

/** ecommpay sends some identifiers and codes as numbers, others as strings: read both as text. */
const text = z.pipe(
  z.union([z.string(), z.number().check(z.refine(Number.isFinite))]),
  z.transform((v: string | number) => String(v)),
);
/** A whole number sent as a number or as a string of digits. */
const whole = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^-?\d{1,16}$/))]),
  z.transform((v: string | number) => Number(v)),
).check(z.refine(Number.isSafeInteger, 'must be a whole number'));
const sum = z.looseObject({ amount: whole, currency: z.string() });

/** `redirect_data` as ecommpay sends it: `body` may be an object or an (empty) array. */
export const callbackRedirectDataSchema = z.looseObject({
  method: z.string(),
  url: z.string(),
  body: z.optional(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])),
  encrypted: z.optional(z.unknown()),
});

/**
 * The standard callback (SPEC §6), read leniently where ecommpay varies: identifiers and codes as
 * numbers or strings (read as text), amounts and `project_id` as numbers or digit strings,
 * `payment.method` any string (never key logic on it), `redirect_data.body` an object or `[]`.
 * Only the fields a merchant acts on are required; everything else passes through.
 */
export const callbackSchema = z.looseObject({
  project_id: whole,
  payment: z.looseObject({
    id: text.check(z.minLength(1)),
    type: z.string(),
    status: z.string(),
    date: z.optional(z.string()),
    method: z.optional(z.string()),
    sum: z.optional(sum),
    description: z.optional(z.nullable(z.string())),
  }),
  account: z.optional(z.looseObject({ number: z.optional(text) })),
  customer: z.optional(z.looseObject({ id: z.optional(text) })),
  operation: z.optional(
    z.looseObject({
      id: text,
      type: z.string(),
      status: z.string(),
      date: z.optional(z.string()),
      created_date: z.optional(z.string()),
      request_id: z.optional(text),
      sum_initial: z.optional(sum),
      sum_converted: z.optional(sum),
      provider: z.optional(
        z.looseObject({
          id: z.optional(text),
          payment_id: z.optional(text),
          auth_code: z.optional(text),
          date: z.optional(z.string()),
          endpoint_id: z.optional(text),
        }),
      ),
      code: z.optional(z.nullable(text)),
      message: z.optional(z.nullable(z.string())),
    }),
  ),
  redirect_data: z.optional(callbackRedirectDataSchema),
  redirectData: z.optional(callbackRedirectDataSchema),
  signature: z.optional(z.string()),
});
export type Callback = z.output<typeof callbackSchema>;
