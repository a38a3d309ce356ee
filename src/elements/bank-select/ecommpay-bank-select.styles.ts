import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';

export const bankSelectStyles = [
  sharedStyles,
  css`
    .base {
      display: grid;
      gap: 0.25rem;
    }
    .label {
      font-weight: 600;
      font-size: 0.9375rem;
    }
    .box {
      position: relative;
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
    .input:focus-visible {
      outline: 3px solid var(--ecommpay-focus, #93b4f5);
      outline-offset: 1px;
    }
    .input[aria-invalid='true'] {
      border-color: var(--ecommpay-error, #b42318);
    }
    .listbox {
      position: absolute;
      z-index: 10;
      inset-inline: 0;
      top: calc(100% + 2px);
      max-height: 16rem;
      overflow-y: auto;
      margin: 0;
      padding: 0.25rem 0;
      list-style: none;
      border: 1px solid var(--ecommpay-border, #8a93a6);
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--ecommpay-surface, #ffffff);
      box-shadow: 0 6px 16px rgb(0 0 0 / 12%);
    }
    .option {
      display: flex;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.4rem 0.75rem;
      cursor: pointer;
    }
    .option.active {
      background: var(--ecommpay-accent, #1a56db);
      color: var(--ecommpay-accent-text, #ffffff);
    }
    .option[data-chosen] .name {
      font-weight: 600;
    }
    .code {
      font-size: 0.8125rem;
      font-variant-numeric: tabular-nums;
      opacity: 0.85;
    }
    .status,
    .notice,
    .error {
      margin: 0;
      font-size: 0.875rem;
    }
    .status:empty,
    .error:empty {
      display: none;
    }
    .status {
      color: var(--ecommpay-muted, #5b6475);
    }
    .notice {
      padding: 0.375rem 0.5rem;
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: #fff8e6;
      color: #6b4100;
    }
    .notice[hidden] {
      display: none;
    }
    .error {
      color: var(--ecommpay-error, #b42318);
    }
  `,
];
