import { useEffect } from 'react';

/**
 * A short confirmation ("Saved", "Sent") in a polite live region. The region stays in the page so that screen
 * readers announce each new message; the message clears itself after `timeout` ms.
 */
export function Toast({
  message,
  onDismiss,
  timeout = 8000,
  as: Tag = 'p',
}: {
  message: string | undefined;
  onDismiss: () => void;
  timeout?: number;
  /** `span` inside a row of buttons, `p` on its own line. */
  as?: 'p' | 'span';
}) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new message restarts the clock
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(onDismiss, timeout);
    return () => clearTimeout(t);
  }, [message, timeout]);
  return (
    <Tag className={message ? 'ok-note toast' : 'toast'} role="status" aria-live="polite" aria-atomic="true">
      {message}
    </Tag>
  );
}
