import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';

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
 * « Supprimer », confirmed in an accessible dialog (« Supprimer « X » ? Cette action est
 * définitive. » with « Annuler » and « Confirmer la suppression »; see {@link ConfirmButton}).
 */
export function ConfirmDeleteButton({
  label,
  target,
  name,
  onConfirm,
  disabled,
}: ConfirmDeleteButtonProps) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      danger
      label={label ?? t('common.delete')}
      target={target}
      question={t('common.confirmDeleteQuestion', { name })}
      confirmLabel={t('common.confirmDelete')}
      disabled={disabled}
      onConfirm={onConfirm}
    />
  );
}
