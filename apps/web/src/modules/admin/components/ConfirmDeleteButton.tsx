import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VisuallyHidden } from '../../ui/components/Fields';

interface ConfirmDeleteButtonProps {
  /** Visible label of the first button (default "Supprimer"). */
  label?: string;
  /** What is deleted, for screen readers and the confirmation question (e.g. `la phase « X »`). */
  target?: string;
  /** The item's name in the question. */
  name: string;
  onConfirm: () => Promise<unknown> | void;
  disabled?: boolean;
}

/**
 * A two-step delete: the first button reveals a question with "Confirmer la suppression" and
 * "Annuler" (focus moves to the confirmation, and back to the first button on cancel).
 */
export function ConfirmDeleteButton({ label, target, name, onConfirm, disabled }: ConfirmDeleteButtonProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      openerRef.current?.focus();
    }
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" ref={openerRef} className="button button--danger" onClick={() => setConfirming(true)} disabled={disabled}>
        {label ?? t('common.delete')}
        {target ? <>{' '}<VisuallyHidden>{target}</VisuallyHidden></> : null}
      </button>
    );
  }

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <span className="confirm" role="group" aria-label={t('common.confirmDeleteQuestion', { name })}>
      <span className="confirm__question">{t('common.confirmDeleteQuestion', { name })}</span>{' '}
      <button type="button" ref={confirmRef} className="button button--danger" onClick={() => void confirm()} disabled={busy}>
        {t('common.confirmDelete')}
        {target ? <>{' '}<VisuallyHidden>{target}</VisuallyHidden></> : null}
      </button>{' '}
      <button
        type="button"
        className="button"
        onClick={() => {
          returnFocus.current = true;
          setConfirming(false);
        }}
        disabled={busy}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
