import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MoreMenuItem {
  /** Stable key and visible text. */
  label: string;
  /** The item's accessible name, e.g. "Verify ci-deploy": the row's name makes it unique. */
  name: string;
  tone?: 'danger';
  /** Shown, but unavailable for this reason (e.g. an unfinished rotation holds the token). */
  disabledReason?: string;
  onSelect: () => void;
}

interface MoreMenuProps {
  /** The trigger's accessible name, e.g. "More actions for ci-deploy". */
  label: string;
  items: MoreMenuItem[];
}

/** Roughly the height of a few items; below that much room the menu opens upwards. */
const roomBelowPx = 140;

/**
 * A small menu of a row's secondary actions, so the actions column stays narrow enough for
 * the table to fit the window. Keyboard as the ARIA menu button pattern: arrows move, Escape
 * closes and returns focus to the trigger.
 */
export function MoreMenu({ label, items }: MoreMenuProps): ReactNode {
  const [open, setOpen] = useState(false);
  const [upwards, setUpwards] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = (): HTMLElement[] =>
    menu.current === null
      ? []
      : [...menu.current.querySelectorAll<HTMLElement>('[role="menuitem"]')];

  useEffect(() => {
    if (!open) return;
    const [first] = menuItems();
    if (first !== undefined) first.focus();
    const closeOutside = (event: MouseEvent): void => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (menu.current !== null && menu.current.contains(target)) return;
      if (trigger.current !== null && trigger.current.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const toggle = (): void => {
    if (!open && trigger.current !== null) {
      const { bottom } = trigger.current.getBoundingClientRect();
      setUpwards(window.innerHeight - bottom < roomBelowPx);
    }
    setOpen(!open);
  };

  const close = (): void => {
    // Focus goes back to the trigger first, so a dialog an item opens returns focus there.
    if (trigger.current !== null) trigger.current.focus();
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = menuItems();
    const index = list.findIndex((item) => item === document.activeElement);
    const focusAt = (i: number): void => {
      const item = list[(i + list.length) % list.length];
      if (item !== undefined) item.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(list.length - 1);
        break;
      case 'Escape':
        // Kept from the document, where an open dialog would take Escape as its own.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <span className="more-menu">
      <button
        ref={trigger}
        type="button"
        className="small quiet more-trigger"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
      >
        More
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className={upwards ? 'menu menu-up' : 'menu'}
          onKeyDown={onKeyDown}
        >
          {items.map((item, index) => {
            const reasonId = `${menuId}-reason-${index}`;
            const unavailable = item.disabledReason !== undefined;
            return (
              // aria-disabled, not disabled: the item stays reachable by arrow keys, with its reason.
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.tone === 'danger' ? 'menu-item danger-quiet' : 'menu-item'}
                aria-label={item.name}
                aria-disabled={unavailable ? 'true' : undefined}
                aria-describedby={unavailable ? reasonId : undefined}
                title={item.disabledReason}
                onClick={() => {
                  if (unavailable) return;
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
                {unavailable ? (
                  <span id={reasonId} hidden>
                    {item.disabledReason}
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
      ) : null}
    </span>
  );
}
