import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';

export const payoutFormStyles = [
  sharedStyles,
  css`
    .base {
      display: grid;
      gap: 0.875rem;
    }
    .field {
      display: grid;
      gap: 0.25rem;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    label,
    legend {
      font-weight: 600;
      font-size: 0.9375rem;
    }
    legend {
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .optional {
      font-weight: 400;
      color: var(--_muted);
    }
    .choice {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
    }
    .radio {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      font-weight: 400;
    }
    .input {
      width: 100%;
      min-height: 2.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--_surface);
      color: inherit;
      font: inherit;
    }
    .input:focus-visible,
    .radio input:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 1px;
    }
    .input[aria-invalid='true'] {
      border-color: var(--_error);
    }
    .hint,
    .field-error {
      margin: 0;
      font-size: 0.875rem;
    }
    .hint {
      color: var(--_muted);
    }
    .field-error {
      color: var(--_error);
    }
    .summary {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      margin: 0;
    }
    .amount {
      font-size: 1.25rem;
      font-variant-numeric: tabular-nums;
    }
    .alert {
      margin-top: 0;
    }
  `,
];
