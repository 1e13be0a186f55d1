import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * A panel that slides in from the side for a task that needs room (a scorecard), over the page it belongs to. A native
 * modal `<dialog>` with `aria-modal`: the page behind is inert, Tab and Shift+Tab cycle inside it, Escape and the close
 * button call `onClose`, and focus goes back to the control that opened it. Focus starts on the first field (or
 * `initialFocus`), not on the close button.
 */
export function Drawer(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  onClose: () => void;
  /** Keeps it open while something is saving. */
  busy?: boolean;
  /** A CSS selector inside the drawer for where focus starts. */
  initialFocus?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { open, initialFocus } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const body = dialog.querySelector('.drawer-body');
    const first =
      (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null) ??
      body?.querySelector<HTMLElement>(FOCUSABLE) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (back?.isConnected) back.focus();
    };
  }, [open, initialFocus]);

  /** Tab past the last control comes back to the first, and Shift+Tab the other way: focus never leaves. */
  function trap(e: KeyboardEvent<HTMLDialogElement>) {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={trap}
      onCancel={(e) => {
        // Escape: the parent decides, so the drawer and `open` stay in step.
        e.preventDefault();
        if (!props.busy) props.onClose();
      }}
    >
      <header className="drawer-head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="secondary small" onClick={props.onClose} disabled={props.busy}>
          Close
        </button>
      </header>
      <div className="drawer-body">{props.children}</div>
    </dialog>
  );
}
