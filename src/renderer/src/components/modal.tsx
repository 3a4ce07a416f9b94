import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** The dialog's accessible name. */
  label: string;
  onClose: () => void;
  /** Wide for dialogs that hold a table (import preview). */
  size?: 'normal' | 'wide';
  children: ReactNode;
}

const focusable = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: the rest of the window is made inert by the app shell while one is open,
 * Escape closes it, the first field (or the one marked `data-autofocus`, e.g. Cancel in a
 * confirmation) gets focus and focus goes back where it was on close.
 * Not the native <dialog>: jsdom lacks showModal(), and the tests should see the same markup.
 */
export function Modal({ label, onClose, size = 'normal', children }: ModalProps): ReactNode {
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const returnTo = document.activeElement;
    const node = panel.current;
    if (node !== null) {
      const first =
        node.querySelector<HTMLElement>('[data-autofocus]') ??
        node.querySelector<HTMLElement>(focusable);
      (first ?? node).focus();
    }
    return () => {
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <div className="modal-backdrop">
      <div
        ref={panel}
        className={size === 'wide' ? 'modal modal-wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
