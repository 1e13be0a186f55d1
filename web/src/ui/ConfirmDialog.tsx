import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * Asks before an action that cannot be undone. A native modal `<dialog>`: the page behind it is inert, so focus
 * stays inside; Escape and Cancel call `onCancel`; focus goes back to where it was when the dialog closes.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirm: string;
  cancel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes on closing when the control that opened the dialog is gone or disabled by then. */
  fallbackFocus?: () => HTMLElement | null;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const fallback = useRef(props.fallbackFocus);
  fallback.current = props.fallbackFocus;
  const titleId = useId();
  const bodyId = useId();
  const { open } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Start on the safe choice when the action destroys something.
    dialog.querySelector<HTMLButtonElement>('[data-initial]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const usable = back?.isConnected && !back.matches(':disabled');
      (usable ? back : fallback.current?.())?.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={props.children ? bodyId : undefined}
      onCancel={(e) => {
        // Escape: the parent decides, so the dialog and `open` stay in step.
        e.preventDefault();
        if (!props.busy) props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children && <div id={bodyId}>{props.children}</div>}
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className={props.danger ? 'danger' : undefined}
          data-initial={props.danger ? undefined : ''}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirm}
        </button>
        <button
          type="button"
          className="secondary"
          data-initial={props.danger ? '' : undefined}
          onClick={props.onCancel}
          disabled={props.busy}
        >
          {props.cancel ?? 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
