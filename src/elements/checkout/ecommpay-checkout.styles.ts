import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';

export const checkoutStyles = [
  sharedStyles,
  css`
    .base {
      display: grid;
      gap: 0.75rem;
      padding: var(--ecommpay-padding, 1rem);
      border: 1px solid var(--ecommpay-border, color-mix(in srgb, var(--_border) 40%, var(--_surface)));
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--_surface);
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: 0.5rem;
      margin: 0;
    }
    .summary div {
      display: grid;
    }
    .summary dt {
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .summary dd {
      margin: 0;
    }
    .method {
      font-weight: 600;
    }
    .amount {
      font-size: 1.25rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .notice {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--_notice-surface);
      color: var(--_text);
      font-size: 0.9375rem;
    }
    .alert {
      margin-top: 0;
    }
  `,
];
