import { css } from 'lit';

/**
 * Styles every element shares, and its colours: each from a documented `--ecommpay-*` property
 * (all optional), through a private `--_*` one holding the default, light, or dark under
 * `prefers-color-scheme: dark`. A property the merchant sets wins in both. The error and notice
 * surfaces and the card's border are derived from the others unless set, so a theme of the few
 * main colours stays readable.
 */
export const sharedStyles = css`
  :host {
    --_text: var(--ecommpay-text, #1c2230);
    --_muted: var(--ecommpay-muted, #5b6475);
    --_surface: var(--ecommpay-surface, #fff);
    --_border: var(--ecommpay-border, #8a93a6);
    --_accent: var(--ecommpay-accent, #1a56db);
    --_accent-text: var(--ecommpay-accent-text, #fff);
    --_error: var(--ecommpay-error, #b42318);
    --_notice: var(--ecommpay-notice, #f5b800);
    color-scheme: light dark;
    display: block;
    font-family: var(--ecommpay-font, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--_text);
    line-height: 1.4;
    --_focus: var(--ecommpay-focus, var(--_accent));
    --_error-surface: var(--ecommpay-error-surface, color-mix(in srgb, var(--_error) 8%, var(--_surface)));
    --_notice-surface: var(--ecommpay-notice-surface, color-mix(in srgb, var(--_notice) 16%, var(--_surface)));
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--ecommpay-text, #e6e9ef);
      --_muted: var(--ecommpay-muted, #a9b1c1);
      --_surface: var(--ecommpay-surface, #161b26);
      --_border: var(--ecommpay-border, #6b7488);
      --_accent: var(--ecommpay-accent, #8ab4ff);
      --_accent-text: var(--ecommpay-accent-text, #0d1117);
      --_error: var(--ecommpay-error, #ff8a80);
    }
  }
  /* Each element paints its own surface, so its text never depends on the page behind it. */
  .base {
    background: var(--_surface);
    border-radius: var(--ecommpay-radius, 0.5rem);
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
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    filter: brightness(1.08);
  }
  .button:focus-visible {
    outline: 3px solid var(--_focus);
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
    border: 1px solid var(--_error);
    color: var(--_error);
    background: var(--_error-surface);
    font-size: 0.9375rem;
  }
`;
