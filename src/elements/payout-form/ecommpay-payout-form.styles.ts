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
      color: var(--ecommpay-muted, #5b6475);
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
      border: 1px solid var(--ecommpay-border, #8a93a6);
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--ecommpay-surface, #ffffff);
      color: inherit;
      font: inherit;
    }
    .input:focus-visible,
    .radio input:focus-visible {
      outline: 3px solid var(--ecommpay-focus, #93b4f5);
      outline-offset: 1px;
    }
    .input[aria-invalid='true'] {
      border-color: var(--ecommpay-error, #b42318);
    }
    .hint,
    .field-error {
      margin: 0;
      font-size: 0.875rem;
    }
    .hint {
      color: var(--ecommpay-muted, #5b6475);
    }
    .field-error {
      color: var(--ecommpay-error, #b42318);
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
