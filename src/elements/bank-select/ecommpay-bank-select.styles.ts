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
      border: 1px solid var(--_border);
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--_surface);
      color: inherit;
      font: inherit;
    }
    .input:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 1px;
    }
    .input[aria-invalid='true'] {
      border-color: var(--_error);
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
      border: 1px solid var(--_border);
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--_surface);
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
      background: var(--_accent);
      color: var(--_accent-text);
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
      color: var(--_muted);
    }
    .notice {
      padding: 0.375rem 0.5rem;
      border-radius: var(--ecommpay-radius, 0.5rem);
      background: var(--_notice-surface);
      color: var(--_text);
    }
    .notice[hidden] {
      display: none;
    }
    .error {
      color: var(--_error);
    }
  `,
];
