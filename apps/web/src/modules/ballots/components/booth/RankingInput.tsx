import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveInRanking } from '../../ballot-display';
import { OptionLabel, QuestionFrame, type QuestionInputProps } from './ChoiceQuestions';
import { CONTENT_LANGUAGE } from '../../../ui/content-language';

type Action = 'up' | 'down' | 'remove' | 'add';

/**
 * RANKED: a ranking built with buttons only — « Classer » puts an option at the end of the
 * ranking, « Monter » / « Descendre » move it one place, « Retirer » sends it back to the
 * unranked options (no drag and drop: every move is a button, so keyboard and screen-reader
 * users rank as everyone does). After each move the focus stays on the moved option (or goes
 * to the next button that makes sense) and a polite live region says where it now stands.
 * Unranked options count as tied below the ranked ones (Schulze, as the API counts).
 */
export function RankingInput({ question, draft, onChange, fieldId, error }: QuestionInputProps) {
  const { t } = useTranslation();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ranking = draft.ranking;
  const unranked = question.options.filter((o) => !ranking.includes(o.id));
  const titleOf = (id: string) => question.options.find((o) => o.id === id)?.title ?? id;
  const ref = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  useLayoutEffect(() => {
    if (!pendingFocus) return;
    buttons.current.get(pendingFocus)?.focus();
    setPendingFocus(null);
  }, [pendingFocus, ranking]);

  function apply(next: string[], optionId: string, action: Action) {
    onChange({ ...draft, ranking: next });
    const rank = next.indexOf(optionId);
    if (rank < 0) {
      setAnnouncement(t('votes.booth.rankRemoved', { title: titleOf(optionId) }));
      setPendingFocus(`add-${optionId}`);
      return;
    }
    setAnnouncement(
      t('votes.booth.rankNow', { title: titleOf(optionId), rank: rank + 1, count: next.length }),
    );
    if (action === 'add') {
      const nextUnranked = question.options.find((o) => !next.includes(o.id));
      setPendingFocus(nextUnranked ? `add-${nextUnranked.id}` : `up-${optionId}`);
    } else if (action === 'up') setPendingFocus(rank === 0 ? `down-${optionId}` : `up-${optionId}`);
    else setPendingFocus(rank === next.length - 1 ? `up-${optionId}` : `down-${optionId}`);
  }

  const headingId = `${fieldId}-ranked`;
  const unrankedId = `${fieldId}-unranked`;
  return (
    <QuestionFrame
      fieldId={fieldId}
      legend={question.title}
      hint={t('votes.booth.rankedHint')}
      error={error}
      className="booth-ranking"
    >
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <div className="booth-ranking__columns">
        <div>
          <h3 id={headingId} className="booth-ranking__heading">
            {t('votes.booth.yourRanking', { count: ranking.length })}
          </h3>
          {ranking.length ? (
            <ol className="booth-ranking__list" aria-labelledby={headingId}>
              {ranking.map((id, index) => {
                const option = question.options.find((o) => o.id === id)!;
                return (
                  <li key={id} className="booth-rank">
                    <span className="booth-rank__number" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className="booth-rank__label">
                      <OptionLabel option={option} />
                    </span>
                    <span className="booth-rank__actions">
                      <button
                        type="button"
                        className="button button--small"
                        ref={ref(`up-${id}`)}
                        disabled={index === 0}
                        onClick={() => apply(moveInRanking(ranking, id, -1), id, 'up')}
                      >
                        {t('votes.booth.moveUp')}{' '}
                        <span className="visually-hidden" lang={CONTENT_LANGUAGE}>
                          {option.title}
                        </span>
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        ref={ref(`down-${id}`)}
                        disabled={index === ranking.length - 1}
                        onClick={() => apply(moveInRanking(ranking, id, 1), id, 'down')}
                      >
                        {t('votes.booth.moveDown')}{' '}
                        <span className="visually-hidden" lang={CONTENT_LANGUAGE}>
                          {option.title}
                        </span>
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        ref={ref(`remove-${id}`)}
                        onClick={() =>
                          apply(
                            ranking.filter((r) => r !== id),
                            id,
                            'remove',
                          )
                        }
                      >
                        {t('votes.booth.unrank')}{' '}
                        <span className="visually-hidden" lang={CONTENT_LANGUAGE}>
                          {option.title}
                        </span>
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="muted">{t('votes.booth.rankingEmpty')}</p>
          )}
        </div>
        <div>
          <h3 id={unrankedId} className="booth-ranking__heading">
            {t('votes.booth.unranked', { count: unranked.length })}
          </h3>
          {unranked.length ? (
            <ul className="booth-ranking__list" aria-labelledby={unrankedId}>
              {unranked.map((option) => (
                <li key={option.id} className="booth-rank">
                  <span className="booth-rank__label">
                    <OptionLabel option={option} />
                  </span>
                  <span className="booth-rank__actions">
                    <button
                      type="button"
                      className="button button--small"
                      ref={ref(`add-${option.id}`)}
                      onClick={() => apply([...ranking, option.id], option.id, 'add')}
                    >
                      {t('votes.booth.rank', { rank: ranking.length + 1 })}{' '}
                      <span className="visually-hidden" lang={CONTENT_LANGUAGE}>
                        {option.title}
                      </span>
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('votes.booth.allRanked')}</p>
          )}
        </div>
      </div>
    </QuestionFrame>
  );
}
