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
      color: var(--_error);
      font-weight: 600;
    }
    .reason {
      font-weight: 400;
      color: var(--_muted);
    }
    a.fallback {
      color: var(--_accent);
      font-weight: 600;
    }
    a.fallback:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .alert {
      margin-top: 0;
    }
  `,
];
