import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components/Button';
import { Dialog, DialogTrigger } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** The button's visible label (« Accepter », « Clore le vote », « Supprimer »). */
  label: ReactNode;
  /**
   * Extra words for screen readers only, naming what the button acts on (a title in
   * `UserText`, so that it is read in the content language).
   */
  target?: ReactNode;
  /** The dialog's title: the question (« Accepter l'amendement « … » ? »). */
  question: string;
  /** What will happen, in a sentence or two. */
  description?: ReactNode;
  /** The confirming button's label (default: the button's label). */
  confirmLabel?: string;
  /** Red buttons for destructive actions. */
  danger?: boolean;
  disabled?: boolean;
  className?: string;
  /**
   * Runs when the button is pressed, before the dialog opens: false keeps it closed (a form's own
   * checks failed, and the form says why).
   */
  check?: () => boolean;
  /** Runs on confirmation; the dialog stays open (busy) until it settles. */
  onConfirm: () => Promise<unknown> | void;
}

/**
 * A button for a consequential action that asks first, in an accessible modal dialog
 * (React Aria: `role="alertdialog"`, focus moves into it and is trapped, Escape or « Annuler »
 * closes it, and focus returns to the button). The first focus is on « Annuler », so Enter
 * pressed by mistake does nothing.
 */
export function ConfirmButton({
  label,
  target,
  question,
  description,
  confirmLabel,
  danger = false,
  disabled,
  className,
  check,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const tone = danger ? 'button button--danger' : 'button button--primary';
  return (
    <DialogTrigger
      isOpen={open}
      onOpenChange={(next) => {
        if (busy || (next && check && !check())) return;
        setOpen(next);
      }}
    >
      <Button
        className={className ?? (danger ? 'button button--danger' : 'button')}
        isDisabled={disabled}
      >
        {label}
        {target ? (
          <>
            {' '}
            <span className="visually-hidden">{target}</span>
          </>
        ) : null}
      </Button>
      <ModalOverlay isDismissable={!busy} className="dialog-overlay">
        <Modal className="dialog">
          <Dialog role="alertdialog" className="dialog__body">
            {({ close }) => (
              <>
                <Heading slot="title">{question}</Heading>
                {description ? <div className="dialog__description">{description}</div> : null}
                <div className="dialog__actions">
                  <Button className="button" autoFocus onPress={close} isDisabled={busy}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    className={tone}
                    isDisabled={busy}
                    onPress={async () => {
                      setBusy(true);
                      try {
                        await onConfirm();
                      } finally {
                        setBusy(false);
                        close();
                      }
                    }}
                  >
                    {confirmLabel ?? label}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
