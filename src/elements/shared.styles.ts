import { css } from 'lit';

/**
 * Styles every element shares. Custom properties (all optional):
 * `--ecommpay-font`, `--ecommpay-text`, `--ecommpay-muted`, `--ecommpay-surface`,
 * `--ecommpay-border`, `--ecommpay-radius`, `--ecommpay-accent`, `--ecommpay-accent-text`,
 * `--ecommpay-error`, `--ecommpay-focus`.
 */
export const sharedStyles = css`
  :host {
    display: block;
    font-family: var(--ecommpay-font, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--ecommpay-text, #1c2230);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.625rem 1rem;
    border: 0;
    border-radius: var(--ecommpay-radius, 0.5rem);
    background: var(--ecommpay-accent, #1a56db);
    color: var(--ecommpay-accent-text, #ffffff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    filter: brightness(1.08);
  }
  .button:focus-visible {
    outline: 3px solid var(--ecommpay-focus, #93b4f5);
    outline-offset: 2px;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  .alert:empty {
    display: none;
  }
  .alert {
    margin-top: 0.75rem;
    padding: 0.625rem 0.75rem;
    border-radius: var(--ecommpay-radius, 0.5rem);
    border: 1px solid var(--ecommpay-error, #b42318);
    color: var(--ecommpay-error, #b42318);
    background: #fff5f4;
    font-size: 0.9375rem;
  }
`;
