/**
 * A modal dialog: the native <dialog> shown with showModal(), so the rest of the page is inert and the
 * dialog sits in the top layer above menus and other dialogs. Mounting opens it; unmounting closes it
 * and gives focus back to where it was. Tab and Shift+Tab stay inside; Escape asks `onClose`.
 * Keys pressed inside never reach the app-wide shortcuts behind it.
 */
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { focusableIn, trapTarget } from './focusable';
import { CloseIcon } from './icons';
import './Dialog.css';

interface DialogProps {
  /** The visible heading, which is also the dialog's accessible name. */
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** `alertdialog` for confirmations. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly size?: 'small' | 'medium' | 'large';
  /** Focused when the dialog opens; else the first element marked `data-autofocus`, else the first focusable one. */
  readonly initialFocusRef?: RefObject<HTMLElement | null>;
  /** The id of the text that describes the dialog (read when it opens). */
  readonly describedBy?: string;
  readonly className?: string;
  /** Shown under the heading. */
  readonly subtitle?: ReactNode;
}

export function Dialog({ title, onClose, children, role = 'dialog', size = 'medium', initialFocusRef, describedBy, className, subtitle }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const target = initialFocusRef?.current ?? dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(dialog)[0];
    target?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnFocus(opener);
    };
    // Opening is once per mount; a changed ref must not re-open the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    const dialog = ref.current;
    // Keys belong to this dialog, not to the app-wide shortcuts behind it.
    event.stopPropagation();
    if (!dialog || (event.target as HTMLElement).closest('dialog') !== dialog) return;
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onCloseRef.current();
    } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const items = focusableIn(dialog);
      const to = trapTarget(items.indexOf(document.activeElement as HTMLElement), items.length, event.shiftKey);
      if (items.length === 0) event.preventDefault();
      else if (to !== undefined) {
        event.preventDefault();
        items[to]?.focus();
      }
    }
  }

  return (
    <dialog
      ref={ref}
      className={['dialog', `dialog-${size}`, className].filter(Boolean).join(' ')}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // The browser's own Escape handling: let React state decide instead.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <header className="dialog-header">
        <div className="dialog-heading">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {subtitle && <div className="dialog-subtitle">{subtitle}</div>}
        </div>
        <button type="button" className="icon-button dialog-close" aria-label="Close" title="Close (Esc)" onClick={() => onCloseRef.current()}>
          <CloseIcon />
        </button>
      </header>
      {children}
    </dialog>
  );
}

/** Back to the element that opened the dialog; if it is gone, into the dialog still open under this one. */
function returnFocus(opener: HTMLElement | null) {
  if (opener && opener !== document.body && opener.isConnected && !opener.closest('[inert]') && opener.getClientRects().length > 0) {
    opener.focus();
    return;
  }
  const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')];
  const below = open[open.length - 1];
  if (below) focusableIn(below)[0]?.focus();
}

/** The scrolling middle of a dialog. */
export function DialogBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={className ? `dialog-body ${className}` : 'dialog-body'}>{children}</div>;
}

/** The dialog's buttons, primary action last. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="dialog-footer">{children}</div>;
}
