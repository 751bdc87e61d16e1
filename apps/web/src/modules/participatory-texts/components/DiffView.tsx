import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';
import { VisuallyHidden } from '../../ui/components/Fields';
import type { DiffPart } from '../graphql/texts';

/** A word-level diff of two texts in the browser (jsdiff's `diffWords`, as the API's `versionDiff`). */
export function diffTexts(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    value: part.value,
    added: !!part.added,
    removed: !!part.removed,
  }));
}

/**
 * Renders diff parts inline: additions in `<ins>`, removals in `<del>`, each with a text label
 * for screen readers ("début/fin de l'ajout") since colour and strike-through are not read out.
 */
export function DiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  const { t } = useTranslation();
  const changed = parts.some((part) => part.added || part.removed);
  return (
    <div className="diff" role="group" aria-label={label}>
      {changed ? null : <p className="muted">{t('texts.diff.noChange')}</p>}
      <p className="diff__text">
        {parts.map((part, index) =>
          part.added ? (
            <ins key={index}>
              <VisuallyHidden>{`[${t('texts.diff.addedStart')}] `}</VisuallyHidden>
              {part.value}
              <VisuallyHidden>{` [${t('texts.diff.addedEnd')}]`}</VisuallyHidden>
            </ins>
          ) : part.removed ? (
            <del key={index}>
              <VisuallyHidden>{`[${t('texts.diff.removedStart')}] `}</VisuallyHidden>
              {part.value}
              <VisuallyHidden>{` [${t('texts.diff.removedEnd')}]`}</VisuallyHidden>
            </del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </p>
    </div>
  );
}
