import { ErrorCode } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { StatementParameters } from '../../common/database/statement-parameters';
import { inTransaction } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { AnswerableQuestion, ValidatedAnswer, validateAnswers } from './answer-validation';
import { SurveySubmissionDto } from './dtos/survey.dto';
import { SurveyAnswerInput } from './dtos/survey.inputs';
import { hashRespondentToken } from './respondent-token';
import { isOpenAt, SurveyService } from './survey.service';

/** Label of an option removed since an answer chose it. */
export const REMOVED_OPTION_LABEL = '(option supprimée)';

/** A question as the answer path reads it: what validation needs, and the wording to show. */
type PresentableQuestion = Omit<AnswerableQuestion, 'options'> & {
  body: string;
  options: (AnswerableQuestion['options'][number] & { body: string })[];
};

/**
 * The submission as {@link SurveyAnswerService.mine} would read it, from what was just written:
 * answers in question order, each answer's choices in the order they were stored.
 */
function presentSubmission(
  submission: { id: string; surveyId: string; version: number; createdAt: Date },
  questions: PresentableQuestion[],
  validated: ValidatedAnswer[],
): SurveySubmissionDto {
  const questionById = new Map(questions.map((q) => [q.id, q]));
  const ordered = [...validated].sort(
    (a, b) => questionById.get(a.questionId)!.position - questionById.get(b.questionId)!.position,
  );
  return {
    id: submission.id,
    surveyId: submission.surveyId,
    surveyVersion: submission.version,
    createdAt: submission.createdAt,
    answers: ordered.map((answer) => {
      const question = questionById.get(answer.questionId)!;
      const optionBody = new Map(question.options.map((o) => [o.id, o.body]));
      return {
        questionId: answer.questionId,
        questionBody: question.body,
        text: answer.body,
        choices: answer.choices.map((c) => ({
          optionId: c.optionId,
          rowId: c.rowId,
          value: c.value,
          freeText: c.freeText,
          optionBody: c.optionId === null ? null : (optionBody.get(c.optionId) ?? null),
        })),
      };
    }),
  };
}

/**
 * Answering an Enquête: one submission per user (or anonymous browser token), held by the
 * unique constraints of `survey_submissions`; the whole submission is stored in one transaction.
 */
@Injectable()
export class SurveyAnswerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly surveys: SurveyService,
    private readonly actionLog: ActionLogService,
  ) {}

  /**
   * Stores a respondent's answers. Checks, in order: the survey is visible (NOT_FOUND), open
   * now (SURVEY_CLOSED), the respondent may answer (UNAUTHENTICATED when anonymous answers
   * are off), terms accepted (BAD_USER_INPUT), not answered yet (CONFLICT), then each answer
   * ({@link validateAnswers}, BAD_USER_INPUT). The survey row is held FOR SHARE so no builder
   * change interleaves; the submission row's unique constraint settles races (CONFLICT).
   *
   * The lean write path (issue 15): the visibility check, then one transaction of three
   * statements — the lock (with whether this respondent answered), the questions, and one
   * statement that writes the submission, its answers, its choices and the action log line — and
   * the answer is built from what the transaction read and wrote, not read again (10 round trips
   * signed in, 8 anonymous, counted in `survey.spec.ts`).
   * Access: signed-in users; anonymous visitors when the survey allows it.
   * @param respondent the anonymous browser's token from its cookie (null when it has none), and
   *        `issue`, which gives the token to keep (that one, or a new one it sets as the cookie):
   *        called only when no one is signed in and the survey takes anonymous answers
   * @returns the stored submission (what {@link mine} returns afterwards)
   */
  async answer(
    surveyId: string,
    answers: SurveyAnswerInput[],
    acceptTerms: boolean,
    viewer: Viewer | null,
    respondent: { token: string | null; issue: () => string },
  ): Promise<SurveySubmissionDto> {
    const target = await this.surveys.answerTarget(surveyId, viewer); // NOT_FOUND when hidden
    return inTransaction(this.dataSource, async (manager) => {
      const userId = viewer?.user.id ?? null;
      // a browser without a token cannot have answered: the one it gets below is new
      const knownTokenHash =
        viewer || !respondent.token ? null : hashRespondentToken(respondent.token);
      const [row] = await manager.query(
        `SELECT s.opens_at, s.closes_at, s.version, s.allow_anonymous, s.terms,
                EXISTS (SELECT 1 FROM survey_submissions m
                         WHERE m.survey_id = s.id AND (m.user_id = $2 OR m.anonymous_token_hash = $3)) AS answered
           FROM surveys s WHERE s.id = $1 FOR SHARE OF s`,
        [surveyId, userId, knownTokenHash],
      );
      if (!row) throw DomainError.notFound('Enquête', { surveyId }).inEnglish('Survey not found.');
      if (!isOpenAt(new Date(), row.opens_at, row.closes_at)) {
        throw new DomainError(
          ErrorCode.SURVEY_CLOSED,
          'Cette enquête n’est pas ouverte aux réponses.',
        ).inEnglish('This survey is not open for answers.');
      }
      if (!viewer && !row.allow_anonymous)
        throw DomainError.unauthenticated(
          'Connectez-vous pour répondre à cette enquête.',
        ).inEnglish('Sign in to answer this survey.');
      if (row.terms && !acceptTerms)
        throw DomainError.badInput('Acceptez les conditions pour envoyer vos réponses.', {
          field: 'acceptTerms',
        }).inEnglish('Accept the terms to send your answers.');
      const alreadyAnswered = () =>
        DomainError.conflict('Vous avez déjà répondu à cette enquête.').inEnglish(
          'You have already answered this survey.',
        );
      if (row.answered) throw alreadyAnswered();
      const tokenHash = viewer ? null : hashRespondentToken(respondent.issue());

      // read after the lock, in a statement of its own: its snapshot is then the locked version's
      const questions: PresentableQuestion[] = await manager.query(
        `SELECT q.id, q.position, q.type, q.mandatory, q.settings, q.body,
                coalesce(json_agg(json_build_object('id', o.id, 'kind', o.kind, 'freeText', o.free_text, 'body', o.body))
                         FILTER (WHERE o.id IS NOT NULL), '[]') AS options
           FROM survey_questions q LEFT JOIN survey_question_options o ON o.question_id = q.id AND o.removed_at IS NULL
          WHERE q.survey_id = $1 AND q.removed_at IS NULL GROUP BY q.id ORDER BY q.position`,
        [surveyId],
      );
      const validated = validateAnswers(questions, answers);
      const choices = validated.flatMap((a) =>
        a.choices.map((c) => ({ ...c, questionId: a.questionId })),
      );

      const params = new StatementParameters();
      // one array per stored column, in the order of `c(...)` below
      const choiceColumns = (
        [
          ['questionId', 'uuid[]'],
          ['optionId', 'uuid[]'],
          ['rowId', 'uuid[]'],
          ['value', 'int[]'],
          ['freeText', 'text[]'],
        ] as const
      )
        .map(([key, type]) =>
          params.add(
            choices.map((c) => c[key]),
            type,
          ),
        )
        .join(', ');
      const [submission] = await manager.query(
        `WITH submission AS (
           INSERT INTO survey_submissions (survey_id, user_id, anonymous_token_hash, survey_version)
           VALUES (${params.add(surveyId, 'uuid')}, ${params.add(userId, 'uuid')}, ${params.add(tokenHash, 'text')}, ${params.add(row.version, 'int')})
           ON CONFLICT DO NOTHING RETURNING id, created_at),
         answers AS (
           INSERT INTO survey_answers (submission_id, question_id, body)
           SELECT submission.id, a.question_id, a.body
             FROM submission, unnest(${params.add(
               validated.map((a) => a.questionId),
               'uuid[]',
             )}, ${params.add(
               validated.map((a) => a.body),
               'text[]',
             )}) AS a(question_id, body)),
         choices AS (
           INSERT INTO survey_answer_choices (submission_id, question_id, option_id, row_id, value, free_text)
           SELECT submission.id, c.question_id, c.option_id, c.row_id, c.value, c.free_text
             FROM submission, unnest(${choiceColumns}) WITH ORDINALITY AS c(question_id, option_id, row_id, value, free_text, n)
            ORDER BY c.n),
         logged AS (${this.actionLog.recordStatement(
           params,
           {
             userId,
             action: 'answer',
             resourceType: 'survey',
             resourceId: surveyId,
             spaceId: target.spaceId,
             visibility: 'ADMIN_ONLY',
             summary: `Réponse à l’enquête « ${target.title.slice(0, 80)} »`,
           },
           'FROM submission',
         )})
         SELECT id, created_at FROM submission`,
        params.values,
      );
      if (!submission) throw alreadyAnswered();
      return presentSubmission(
        {
          id: String(submission.id),
          surveyId,
          version: row.version,
          createdAt: submission.created_at,
        },
        questions,
        validated,
      );
    });
  }

  /**
   * The caller's own submission to a survey (signed-in user, else this browser's token), or null.
   * Access: anyone (answers only ever reach their respondent).
   */
  async mine(
    surveyId: string,
    viewer: Viewer | null,
    respondentToken: string | null,
  ): Promise<SurveySubmissionDto | null> {
    if (!viewer && !respondentToken) return null;
    const [row] = await this.dataSource.query(
      `SELECT id FROM survey_submissions WHERE survey_id = $1 AND ${viewer ? 'user_id = $2' : 'anonymous_token_hash = $2'}`,
      [surveyId, viewer ? viewer.user.id : hashRespondentToken(respondentToken!)],
    );
    return row ? this.submission(String(row.id)) : null;
  }

  private async submission(id: string): Promise<SurveySubmissionDto | null> {
    const [s] = await this.dataSource.query(
      `SELECT id, survey_id, survey_version, created_at FROM survey_submissions WHERE id = $1`,
      [id],
    );
    if (!s) return null;
    const answers = await this.dataSource.query(
      `SELECT a.question_id, q.body AS question_body, a.body,
              coalesce((SELECT json_agg(json_build_object('optionId', c.option_id, 'rowId', c.row_id, 'value', c.value, 'freeText', c.free_text,
                         'optionBody', CASE WHEN o.removed_at IS NULL THEN o.body ELSE $2 END) ORDER BY c.id)
                  FROM survey_answer_choices c LEFT JOIN survey_question_options o ON o.id = c.option_id
                 WHERE c.submission_id = a.submission_id AND c.question_id = a.question_id), '[]') AS choices
         FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
        WHERE a.submission_id = $1 ORDER BY q.removed_at NULLS FIRST, q.position`,
      [id, REMOVED_OPTION_LABEL],
    );
    return {
      id: String(s.id),
      surveyId: s.survey_id,
      surveyVersion: s.survey_version,
      createdAt: s.created_at,
      answers: answers.map(
        (a: {
          question_id: string;
          question_body: string;
          body: string | null;
          choices: never[];
        }) => ({
          questionId: a.question_id,
          questionBody: a.question_body,
          text: a.body,
          choices: a.choices,
        }),
      ),
    };
  }
}
