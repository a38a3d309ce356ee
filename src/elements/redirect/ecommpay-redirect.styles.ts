import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';

export const redirectStyles = [
  sharedStyles,
  css`
    .base {
      display: grid;
      gap: 0.75rem;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .status:empty {
      display: none;
    }
    .decline {
      color: var(--ecommpay-error, #b42318);
      font-weight: 600;
    }
    .reason {
      font-weight: 400;
      color: var(--ecommpay-muted, #5b6475);
    }
    a.fallback {
      color: var(--ecommpay-accent, #1a56db);
      font-weight: 600;
    }
    a.fallback:focus-visible {
      outline: 3px solid var(--ecommpay-focus, #93b4f5);
      outline-offset: 2px;
    }
    .alert {
      margin-top: 0;
    }
  `,
];
