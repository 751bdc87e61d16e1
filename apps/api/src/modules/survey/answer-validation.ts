import { SURVEY_LAYOUT_TYPES } from '@concerto/domain';
import sanitizeHtml from 'sanitize-html';
import { DomainError } from '../../common/errors/domain-error';
import type { SurveyAnswerInput } from './dtos/survey.inputs';
import type { QuestionSettings, SurveyQuestionType } from './entities/survey-question.entity';
import { hasVisibleText, trimText } from '../../common/validation/visible-text';

/** A current (not removed) question with its current options and rows, as answering checks it. */
export interface AnswerableQuestion {
  id: string;
  position: number;
  type: SurveyQuestionType;
  mandatory: boolean;
  settings: QuestionSettings;
  options: { id: string; kind: 'OPTION' | 'ROW'; freeText: boolean }[];
}

/** One row of `survey_answer_choices` to store. */
export interface ChoiceRow {
  optionId: string | null;
  rowId: string | null;
  value: number | null;
  freeText: string | null;
}

/** One answer to store: `survey_answers.body` and its choices. */
export interface ValidatedAnswer {
  questionId: string;
  body: string | null;
  choices: ChoiceRow[];
}

/** Default character limits of text answers when the question sets none. */
export const DEFAULT_MAX_CHARACTERS = { SHORT_ANSWER: 1000, LONG_ANSWER: 10000 } as const;

const NOT_ANSWERABLE = new Set<SurveyQuestionType>(SURVEY_LAYOUT_TYPES);

/**
 * Plain text from what a respondent typed: HTML tags dropped (sanitize-html, nothing allowed),
 * basic entities decoded back, line breaks kept, ends trimmed of white space and invisible
 * characters ({@link trimText}).
 */
export function plainAnswerText(input: string): string {
  const text = sanitizeHtml(input, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
  })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\r\n?/g, '\n');
  return trimText(text);
}

/** Whether a typed text says anything once its markup is dropped (`<b></b>`, `<p> </p>` say nothing). */
export const hasAnswerText = (input: string | null | undefined): boolean =>
  !!input && hasVisibleText(plainAnswerText(input));

/** A refused answer, worded in French and in English, the question in `extensions.questionId`. */
const bad = (questionId: string, message: string, english: string) =>
  DomainError.badInput(message, { questionId }).inEnglish(english);

/**
 * Checks a whole submission against the questionnaire and returns what to store.
 * Rules: each question at most once; only current questions of this survey; separators take
 * no answer; a question whose display condition is not met must stay unanswered; a visible
 * mandatory question must be answered; each type takes its own shape — text (≤ maxCharacters),
 * one option (SINGLE_OPTION), 1…maxChoices distinct options (MULTIPLE_OPTION), a point 1…n
 * (SCALE), one option per row (MATRIX_SINGLE), 1…maxChoices per row (MATRIX_MULTIPLE), every
 * option exactly once in rank order (SORTING); free text only on options that take it.
 * Empty answers (blank, invisible-only or markup-only text such as `<b></b>`, no choices, no value)
 * count as unanswered: on a mandatory question « Cette question est obligatoire. ».
 * @param questions current questions of the survey, in position order
 * @param answers the respondent's answers
 * @returns the answers to store, in question order
 * @throws BAD_USER_INPUT (with `questionId` in the details) on the first broken rule
 */
export function validateAnswers(
  questions: AnswerableQuestion[],
  answers: SurveyAnswerInput[],
): ValidatedAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, SurveyAnswerInput>();
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question)
      throw bad(
        answer.questionId,
        'Question inconnue dans cette enquête.',
        'Unknown question in this survey.',
      );
    if (given.has(answer.questionId))
      throw bad(
        answer.questionId,
        'Une seule réponse par question.',
        'Only one answer per question.',
      );
    if (NOT_ANSWERABLE.has(question.type))
      throw bad(
        answer.questionId,
        'Cet élément ne prend pas de réponse.',
        'This item takes no answer.',
      );
    const empty =
      !hasAnswerText(answer.text) &&
      !(answer.choices ?? []).length &&
      (answer.value === undefined || answer.value === null);
    if (!empty) given.set(answer.questionId, answer);
  }

  const validated = new Map<string, ValidatedAnswer>();
  const result: ValidatedAnswer[] = [];
  for (const question of [...questions].sort((a, b) => a.position - b.position)) {
    if (NOT_ANSWERABLE.has(question.type)) continue;
    const answer = given.get(question.id);
    const visible = isVisible(question, validated);
    if (!visible) {
      if (answer)
        throw bad(
          question.id,
          'Cette question est masquée par sa condition d’affichage : elle ne prend pas de réponse.',
          'This question is hidden by its display condition: it takes no answer.',
        );
      continue;
    }
    if (!answer) {
      if (question.mandatory)
        throw bad(question.id, 'Cette question est obligatoire.', 'This question is mandatory.');
      continue;
    }
    const stored = validateOne(question, answer);
    validated.set(question.id, stored);
    result.push(stored);
  }
  return result;
}

/** Whether a question's display condition holds, given the answers already validated before it. */
function isVisible(question: AnswerableQuestion, validated: Map<string, ValidatedAnswer>): boolean {
  const condition = question.settings.condition;
  if (!condition) return true;
  const other = validated.get(condition.questionId);
  if (condition.kind === 'ANSWERED') return !!other;
  if (!other) return false;
  const chosen = other.choices.some((c) => c.optionId === condition.optionId);
  return condition.kind === 'EQUALS' ? chosen : !chosen;
}

function validateOne(question: AnswerableQuestion, answer: SurveyAnswerInput): ValidatedAnswer {
  const id = question.id;
  const choices = answer.choices ?? [];
  const hasValue = answer.value !== undefined && answer.value !== null;
  const hasText = hasAnswerText(answer.text);
  const options = new Map(
    question.options.filter((o) => o.kind === 'OPTION').map((o) => [o.id, o]),
  );
  const rows = new Set(question.options.filter((o) => o.kind === 'ROW').map((o) => o.id));
  const maxChoices = question.settings.maxChoices || null;

  const onlyChoices = () => {
    if (hasText || hasValue)
      throw bad(
        id,
        'Cette question attend des options choisies.',
        'This question expects chosen options.',
      );
  };
  const choiceRow = (
    c: SurveyAnswerInput['choices'] extends (infer C)[] | undefined ? C : never,
    withRow: boolean,
  ): ChoiceRow => {
    const option = options.get(c.optionId);
    if (!option)
      throw bad(id, 'Option inconnue pour cette question.', 'Unknown option for this question.');
    if (withRow && (!c.rowId || !rows.has(c.rowId)))
      throw bad(id, 'Ligne inconnue pour cette question.', 'Unknown row for this question.');
    if (!withRow && c.rowId)
      throw bad(id, 'Cette question n’a pas de lignes.', 'This question has no rows.');
    let freeText: string | null = null;
    if (hasAnswerText(c.freeText)) {
      if (!option.freeText)
        throw bad(
          id,
          'Cette option ne prend pas de texte libre.',
          'This option takes no free text.',
        );
      freeText = plainAnswerText(c.freeText!);
      if (freeText.length > 2000)
        throw bad(
          id,
          'Texte libre : 2 000 caractères au plus.',
          'Free text: at most 2,000 characters.',
        );
    }
    return { optionId: option.id, rowId: withRow ? c.rowId! : null, value: null, freeText };
  };

  switch (question.type) {
    case 'SHORT_ANSWER':
    case 'LONG_ANSWER': {
      if (choices.length || hasValue)
        throw bad(id, 'Cette question attend un texte.', 'This question expects a text.');
      const text = plainAnswerText(answer.text ?? '');
      if (!text) throw bad(id, 'Cette question est obligatoire.', 'This question is mandatory.');
      const max = question.settings.maxCharacters || DEFAULT_MAX_CHARACTERS[question.type];
      if (text.length > max)
        throw bad(
          id,
          `${max} caractère${max > 1 ? 's' : ''} au plus.`,
          `At most ${max.toLocaleString('en')} character${max > 1 ? 's' : ''}.`,
        );
      if (question.type === 'SHORT_ANSWER' && text.includes('\n'))
        throw bad(
          id,
          'Une réponse courte tient sur une ligne.',
          'A short answer fits on one line.',
        );
      return { questionId: id, body: text, choices: [] };
    }
    case 'SINGLE_OPTION': {
      onlyChoices();
      if (choices.length !== 1)
        throw bad(id, 'Choisissez une seule option.', 'Choose a single option.');
      return { questionId: id, body: null, choices: [choiceRow(choices[0], false)] };
    }
    case 'MULTIPLE_OPTION': {
      onlyChoices();
      const stored = choices.map((c) => choiceRow(c, false));
      if (new Set(stored.map((c) => c.optionId)).size !== stored.length)
        throw bad(id, 'Chaque option au plus une fois.', 'Each option at most once.');
      if (maxChoices && stored.length > maxChoices)
        throw bad(
          id,
          `${maxChoices} option${maxChoices > 1 ? 's' : ''} au plus.`,
          `At most ${maxChoices} option${maxChoices > 1 ? 's' : ''}.`,
        );
      return { questionId: id, body: null, choices: stored };
    }
    case 'SCALE': {
      if (hasText || choices.length)
        throw bad(
          id,
          'Cette question attend un point de l’échelle.',
          'This question expects a point of the scale.',
        );
      const points = question.settings.scale?.points ?? 0;
      if (!Number.isInteger(answer.value) || answer.value! < 1 || answer.value! > points)
        throw bad(
          id,
          `Choisissez un point entre 1 et ${points}.`,
          `Choose a point from 1 to ${points}.`,
        );
      return {
        questionId: id,
        body: null,
        choices: [{ optionId: null, rowId: null, value: answer.value!, freeText: null }],
      };
    }
    case 'MATRIX_SINGLE':
    case 'MATRIX_MULTIPLE': {
      onlyChoices();
      const stored = choices.map((c) => choiceRow(c, true));
      const perRow = new Map<string, Set<string>>();
      for (const c of stored) {
        const set = perRow.get(c.rowId!) ?? new Set<string>();
        if (set.has(c.optionId!))
          throw bad(
            id,
            'Chaque option au plus une fois par ligne.',
            'Each option at most once per row.',
          );
        set.add(c.optionId!);
        perRow.set(c.rowId!, set);
      }
      for (const set of perRow.values()) {
        if (question.type === 'MATRIX_SINGLE' && set.size > 1)
          throw bad(id, 'Une seule option par ligne.', 'Only one option per row.');
        if (question.type === 'MATRIX_MULTIPLE' && maxChoices && set.size > maxChoices)
          throw bad(
            id,
            `${maxChoices} option${maxChoices > 1 ? 's' : ''} au plus par ligne.`,
            `At most ${maxChoices} option${maxChoices > 1 ? 's' : ''} per row.`,
          );
      }
      if (question.mandatory && perRow.size !== rows.size)
        throw bad(id, 'Répondez pour chaque ligne.', 'Answer for each row.');
      return { questionId: id, body: null, choices: stored };
    }
    case 'SORTING': {
      onlyChoices();
      const stored = choices.map((c, rank) => ({ ...choiceRow(c, false), value: rank + 1 }));
      const distinct = new Set(stored.map((c) => c.optionId));
      if (distinct.size !== stored.length || distinct.size !== options.size)
        throw bad(id, 'Classez chaque option une fois.', 'Rank each option once.');
      return { questionId: id, body: null, choices: stored };
    }
    default:
      throw bad(id, 'Cet élément ne prend pas de réponse.', 'This item takes no answer.');
  }
}
