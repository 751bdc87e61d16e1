import { ErrorCode } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { AnswerableQuestion, validateAnswers } from './answer-validation';
import { SurveySubmissionDto } from './dtos/survey.dto';
import { SurveyAnswerInput } from './dtos/survey.inputs';
import { hashRespondentToken } from './respondent-token';
import { isOpenAt, SurveyService } from './survey.service';

/** Label of an option removed since an answer chose it. */
export const REMOVED_OPTION_LABEL = '(option supprimée)';

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
   * Access: signed-in users; anonymous visitors when the survey allows it.
   * @param respondentToken gives the anonymous browser's token (from its cookie, or a new one it
   *        sets); called only when no one is signed in and the survey takes anonymous answers
   * @returns the stored submission
   */
  async answer(
    surveyId: string,
    answers: SurveyAnswerInput[],
    acceptTerms: boolean,
    viewer: Viewer | null,
    respondentToken: () => string,
  ): Promise<SurveySubmissionDto> {
    const survey = await this.surveys.byId(surveyId, viewer); // NOT_FOUND when hidden
    const submissionId = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query(
        `SELECT s.id, s.opens_at, s.closes_at, s.version, s.allow_anonymous, s.terms, c.space_id
           FROM surveys s JOIN components c ON c.id = s.component_id WHERE s.id = $1 FOR SHARE OF s`,
        [surveyId],
      );
      if (!row) throw DomainError.notFound('Enquête', { surveyId });
      if (!isOpenAt(new Date(), row.opens_at, row.closes_at)) {
        throw new DomainError(
          ErrorCode.SURVEY_CLOSED,
          'Cette enquête n’est pas ouverte aux réponses.',
        );
      }
      if (!viewer && !row.allow_anonymous)
        throw DomainError.unauthenticated('Connectez-vous pour répondre à cette enquête.');
      if (row.terms && !acceptTerms)
        throw DomainError.badInput('Acceptez les conditions pour envoyer vos réponses.', {
          field: 'acceptTerms',
        });
      const userId = viewer?.user.id ?? null;
      const tokenHash = viewer ? null : hashRespondentToken(respondentToken());
      const already = await manager.query(
        `SELECT 1 FROM survey_submissions WHERE survey_id = $1 AND (user_id = $2 OR anonymous_token_hash = $3)`,
        [surveyId, userId, tokenHash],
      );
      if (already.length) throw DomainError.conflict('Vous avez déjà répondu à cette enquête.');

      const questions: AnswerableQuestion[] = await manager.query(
        `SELECT q.id, q.position, q.type, q.mandatory, q.settings,
                coalesce(json_agg(json_build_object('id', o.id, 'kind', o.kind, 'freeText', o.free_text)) FILTER (WHERE o.id IS NOT NULL), '[]') AS options
           FROM survey_questions q LEFT JOIN survey_question_options o ON o.question_id = q.id AND o.removed_at IS NULL
          WHERE q.survey_id = $1 AND q.removed_at IS NULL GROUP BY q.id ORDER BY q.position`,
        [surveyId],
      );
      const validated = validateAnswers(questions, answers);

      const [submission] = await manager.query(
        `INSERT INTO survey_submissions (survey_id, user_id, anonymous_token_hash, survey_version) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [surveyId, userId, tokenHash, row.version],
      );
      if (!submission) throw DomainError.conflict('Vous avez déjà répondu à cette enquête.');
      if (validated.length) {
        await manager.query(
          `INSERT INTO survey_answers (submission_id, question_id, body) SELECT $1, * FROM unnest($2::uuid[], $3::text[])`,
          [submission.id, validated.map((a) => a.questionId), validated.map((a) => a.body)],
        );
        const choices = validated.flatMap((a) =>
          a.choices.map((c) => ({ ...c, questionId: a.questionId })),
        );
        if (choices.length) {
          await manager.query(
            `INSERT INTO survey_answer_choices (submission_id, question_id, option_id, row_id, value, free_text)
             SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[])`,
            [
              submission.id,
              choices.map((c) => c.questionId),
              choices.map((c) => c.optionId),
              choices.map((c) => c.rowId),
              choices.map((c) => c.value),
              choices.map((c) => c.freeText),
            ],
          );
        }
      }
      await this.actionLog.record(manager, {
        userId,
        action: 'answer',
        resourceType: 'survey',
        resourceId: surveyId,
        spaceId: row.space_id,
        visibility: 'ADMIN_ONLY',
        summary: `Réponse à l’enquête « ${survey.title.slice(0, 80)} »`,
      });
      return String(submission.id);
    });
    return (await this.submission(submissionId))!;
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
