import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { SurveyForm } from '../../surveys/components/SurveyForm';
import { SurveyResultsView } from '../../surveys/components/SurveyResultsView';
import { MY_SURVEY_ANSWERS_QUERY, SURVEY_STATE_QUERY } from '../../surveys/graphql/surveys';
import { useTranslation } from 'react-i18next';
import { DateRange } from '../../ui/components/DateRange';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { SURVEY_QUERY, type SurveyQuestion } from '../graphql/components';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const KNOWN_TYPES = new Set([
  'SHORT_ANSWER',
  'LONG_ANSWER',
  'SINGLE_OPTION',
  'MULTIPLE_OPTION',
  'SCALE',
]);

interface Section {
  title: string | null;
  questions: SurveyQuestion[];
}

/** Groups consecutive questions by their `section` heading, in question order. */
export function groupBySection(questions: SurveyQuestion[]): Section[] {
  const sections: Section[] = [];
  for (const question of [...questions].sort((a, b) => a.position - b.position)) {
    const title = question.section?.trim() || null;
    const last = sections[sections.length - 1];
    if (last && last.title === title) last.questions.push(question);
    else sections.push({ title, questions: [question] });
  }
  return sections;
}

/** `text` without its leading paragraphs when they repeat `lead` (blank-line separated, whitespace ignored). */
export function withoutLead(text: string, lead: string | null | undefined): string {
  const flat = (value: string) => value.replace(/\s+/g, ' ').trim();
  const wanted = flat(lead ?? '');
  if (!wanted) return text;
  const paragraphs = text.split(/\r?\n\s*\r?\n/);
  for (let count = 1; count <= paragraphs.length; count += 1) {
    if (flat(paragraphs.slice(0, count).join(' ')) === wanted)
      return paragraphs.slice(count).join('\n\n');
  }
  return text;
}

/**
 * A SURVEY component's questionnaire: the answering form while it is open and the viewer may
 * answer, otherwise the questions read-only; the viewer's own answers once sent; the results
 * when the viewer may read them; the builder for space admins.
 */
export function SurveyView({
  componentId,
  componentTitle,
  componentDescription,
}: {
  componentId: string;
  componentTitle?: string;
  componentDescription?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const { data, loading, error } = useQuery(SURVEY_QUERY, { variables: { componentId } });
  const stateQuery = useQuery(SURVEY_STATE_QUERY, { variables: { componentId } });
  const state = stateQuery.data?.survey;
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const survey = data?.survey;
  if (!survey) return null;
  const sections = groupBySection(survey.questions);
  // The page header already shows the component's description: do not repeat it when the survey's starts with it.
  const intro = withoutLead(survey.description ?? '', componentDescription);
  // Questions are numbered across sections: each section's list starts after the previous ones.
  const starts = sections.map(
    (_, index) =>
      1 + sections.slice(0, index).reduce((sum, section) => sum + section.questions.length, 0),
  );
  return (
    <div className="survey">
      {survey.title && survey.title !== componentTitle ? (
        <p className="lead" lang={CONTENT_LANGUAGE}>
          {survey.title}
        </p>
      ) : null}
      <p>
        <span className={survey.open ? 'badge badge--open' : 'badge badge--closed'}>
          {t(survey.open ? 'surveys.open' : 'surveys.closed')}
        </span>{' '}
        <DateRange start={survey.opensAt} end={survey.closesAt} kind="instant" />
      </p>
      {intro ? <Paragraphs text={intro} className="prose" /> : null}
      {state?.viewerHasAnswered ? <MyAnswers surveyId={state.id} /> : null}
      {state && state.open && !state.viewerHasAnswered && !me && !state.allowAnonymous ? (
        <p className="notice">
          <Link to="/connexion">{t('surveys.form.signInToAnswer')}</Link>
        </p>
      ) : null}
      {state && !state.open && !state.viewerHasAnswered ? (
        <p className="notice">{t('surveys.form.closedNotice')}</p>
      ) : null}
      {state && state.open && !state.viewerHasAnswered && (me || state.allowAnonymous) ? (
        <SurveyForm survey={state} onAnswered={() => void stateQuery.refetch()} />
      ) : (
        sections.map((section, sectionIndex) => (
          <section
            key={sectionIndex}
            className="survey__section"
            aria-labelledby={`survey-section-${sectionIndex}`}
          >
            <h2 id={`survey-section-${sectionIndex}`}>
              {section.title ?? t('surveys.otherQuestions')}
            </h2>
            <ol className="questions" start={starts[sectionIndex]}>
              {section.questions.map((question) => (
                <li key={question.id} className="question">
                  <QuestionView question={question} />
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
      {state?.viewerCanSeeResults ? (
        <SurveyResultsView surveyId={state.id} questions={state.questions} />
      ) : null}
      {state?.viewerCanAdminister ? (
        <p>
          <Link to={`/admin/enquetes/${componentId}`}>{t('surveys.builder.title')}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** The viewer's own submission, read-only. */
function MyAnswers({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(MY_SURVEY_ANSWERS_QUERY, {
    variables: { surveyId },
    fetchPolicy: 'network-only',
  });
  const mine = data?.mySurveyAnswers;
  return (
    <section className="notice notice--success" aria-labelledby="my-answers-title">
      <h2 id="my-answers-title">{t('surveys.form.thanks')}</h2>
      {mine ? (
        <dl className="my-answers">
          {mine.answers.map((a) => (
            <div key={a.questionId}>
              <dt>{a.questionBody}</dt>
              <dd>
                {a.text ??
                  a.choices
                    .map((c) =>
                      c.optionBody
                        ? `${c.value ? `${c.value}. ` : ''}${c.optionBody}${c.freeText ? ` : ${c.freeText}` : ''}`
                        : String(c.value),
                    )
                    .join(' · ')}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

function QuestionView({ question }: { question: SurveyQuestion }) {
  const { t } = useTranslation();
  const type = KNOWN_TYPES.has(question.type) ? question.type : 'OTHER';
  const options = [...question.options].sort((a, b) => a.position - b.position);
  return (
    <>
      <h3 className="question__body" lang={CONTENT_LANGUAGE}>
        {question.body}
      </h3>
      <p className="question__meta">
        {t(`surveys.questionType.${type}`)}
        {question.mandatory ? ` · ${t('surveys.mandatory')}` : ''}
      </p>
      {question.description ? (
        <Paragraphs text={question.description} className="question__description" />
      ) : null}
      {options.length > 0 ? (
        <ul className="question__options">
          {options.map((option) => (
            <li key={option.id}>
              <UserText>{option.body}</UserText>
              {option.freeText ? ` ${t('surveys.freeText')}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {question.scale ? (
        <>
          <p className="question__scale-label">
            {t('surveys.scaleLabel', { points: question.scale.points })}
          </p>
          <ol className="question__scale">
            {Array.from({ length: question.scale.points }, (_, index) => (
              <li key={index}>
                <span className="scale__point">{index + 1}</span>{' '}
                {question.scale?.labels[index] ?? ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
