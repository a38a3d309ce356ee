import { css } from 'lit';

/** The frame displays' styles: added to the checkout's shadow root with the frame code. */
export const frameStyles = css`
  .dialog {
    width: min(100vw - 2rem, 40rem);
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--ecommpay-radius, 0.5rem);
    background: var(--_surface);
    color: inherit;
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }
  /* The heading and its close button stay in view: a Payment Page taller than the dialog scrolls inside its frame. */
  .dialog .frame {
    max-height: calc(100dvh - 7rem);
  }
  .dialog::backdrop {
    background: var(--ecommpay-backdrop, rgb(15 23 42 / 0.55));
  }
  .sheet {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.75rem var(--ecommpay-padding, 1rem) var(--ecommpay-padding, 1rem);
  }
  .inline {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .frame-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .frame-title {
    margin: 0;
    font-size: 1rem;
  }
  .close {
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: var(--ecommpay-radius, 0.5rem);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.25rem;
    cursor: pointer;
  }
  .close:hover {
    background: color-mix(in srgb, currentColor 15%, transparent);
  }
  .close:focus-visible,
  .open:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .frame-status:empty {
    display: none;
  }
  .frame-title:focus {
    outline: none;
  }
  .frame-status {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    color: var(--_muted);
  }
  .frame-actions {
    display: grid;
    gap: 0.5rem;
    justify-items: center;
  }
  .open {
    color: var(--_accent);
  }
  .frame {
    display: block;
    width: 100%;
    height: var(--ecommpay-frame-height, 36rem);
    border: 0;
    border-radius: var(--ecommpay-radius, 0.5rem);
    background: var(--_surface);
  }
  /* Nothing to see until the Payment Page says it has loaded (as ecommpay's plug-ins do). */
  .frame:not(.shown) {
    height: 0;
    visibility: hidden;
  }
  @media (max-width: 40rem) {
    .dialog {
      width: 100vw;
      height: 100dvh;
      max-height: none;
      margin: 0;
      border-radius: 0;
    }
    .sheet {
      height: 100%;
    }
    .dialog .frame.shown {
      flex: 1;
      height: auto;
      max-height: none;
    }
  }
`;
