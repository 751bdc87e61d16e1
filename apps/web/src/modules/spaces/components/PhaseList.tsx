import { useTranslation } from 'react-i18next';
import { DateRange } from '../../ui/components/DateRange';
import { Paragraphs } from '../../ui/components/Paragraphs';
import type { Phase } from '../graphql/spaces';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** The phases of a process in order; the active one is marked "Phase en cours". */
export function PhaseList({ phases }: { phases: Phase[] }) {
  const { t } = useTranslation();
  const ordered = [...phases].sort((a, b) => a.position - b.position);
  return (
    <ol className="phases">
      {ordered.map((phase) => (
        <li
          key={phase.id}
          className={phase.active ? 'phase phase--active' : 'phase'}
          aria-current={phase.active ? 'step' : undefined}
        >
          <h3 className="phase__title" lang={CONTENT_LANGUAGE}>
            {phase.title}
          </h3>
          {phase.active ? <p className="badge badge--active">{t('spaces.currentPhase')}</p> : null}
          <p className="phase__dates">
            <DateRange start={phase.startDate} end={phase.endDate} kind="day" />
          </p>
          {phase.description ? (
            <Paragraphs text={phase.description} className="phase__description" />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
