import {
  ComponentType,
  SpaceRole,
  SURVEY_CHOICE_TYPES,
  SURVEY_LAYOUT_TYPES,
  SURVEY_TEXT_TYPES,
} from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { SurveyDto, SurveyQuestionDto, SurveySummaryDto } from './dtos/survey.dto';
import {
  AddSurveyOptionInput,
  AddSurveyQuestionInput,
  CreateSurveyInput,
  SurveyFieldsInput,
  SurveyQuestionFieldsInput,
  UpdateSurveyOptionInput,
} from './dtos/survey.inputs';
import {
  QuestionSettings,
  SurveyQuestionEntity,
  SurveyQuestionOptionEntity,
  SurveyQuestionType,
} from './entities/survey-question.entity';
import { SurveyEntity } from './entities/survey.entity';
import { hashRespondentToken } from './respondent-token';

/** Open now, decided from the clock (never by a job): opensAt ≤ now < closesAt, absent bounds are open. */
export function isOpenAt(now: Date, opensAt: Date | null, closesAt: Date | null): boolean {
  return (!opensAt || opensAt <= now) && (!closesAt || now < closesAt);
}

/** Types that take options (columns for matrices). */
export const CHOICE_TYPES = new Set<SurveyQuestionType>(SURVEY_CHOICE_TYPES);
const MATRIX_TYPES = new Set<SurveyQuestionType>(['MATRIX_SINGLE', 'MATRIX_MULTIPLE']);
const TEXT_TYPES = new Set<SurveyQuestionType>(SURVEY_TEXT_TYPES);
const LAYOUT_TYPES = new Set<SurveyQuestionType>(SURVEY_LAYOUT_TYPES);

/** A survey row locked by a builder change, with whether it already has answers. */
interface LockedSurvey {
  id: string;
  component_id: string;
  space_id: string;
  version: number;
  answered: boolean;
}

/** Maps a question and its options to the DTO. */
export function toQuestionDto(
  q: SurveyQuestionEntity,
  options: SurveyQuestionOptionEntity[],
): SurveyQuestionDto {
  const mine = options
    .filter((o) => o.questionId === q.id && !o.removedAt)
    .sort((a, b) => a.position - b.position);
  const dto = (o: SurveyQuestionOptionEntity) => ({
    id: o.id,
    position: o.position,
    body: o.body,
    freeText: o.freeText,
  });
  const s = q.settings ?? {};
  return {
    id: q.id,
    position: q.position,
    type: q.type,
    body: q.body,
    description: typeof s.description === 'string' ? s.description : null,
    section: typeof s.section === 'string' ? s.section : null,
    mandatory: q.mandatory,
    scale: s.scale ?? null,
    maxChoices: s.maxChoices ?? null,
    maxCharacters: s.maxCharacters ?? null,
    condition: s.condition
      ? {
          questionId: s.condition.questionId,
          kind: s.condition.kind,
          optionId: s.condition.optionId ?? null,
        }
      : null,
    options: mine.filter((o) => o.kind === 'OPTION').map(dto),
    rows: mine.filter((o) => o.kind === 'ROW').map(dto),
  };
}

/**
 * Enquêtes: reading a questionnaire, and the space admins' builder (questions, options,
 * order, versions). A builder change locks the survey row (FOR UPDATE) while answering takes
 * it FOR SHARE, so a change and a submission never interleave; once a survey has answers,
 * removing an option or question, or changing a type, keeps the old rows (marked removed)
 * and raises `surveys.version`, so every stored answer keeps its meaning.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
  ) {}

  /**
   * The questionnaire of a SURVEY component with its current questions in order.
   * @param respondentToken the anonymous respondent cookie, to tell whether this browser answered
   * @throws NOT_FOUND hidden/unknown component or no questionnaire yet; BAD_USER_INPUT not a SURVEY component
   */
  async byComponent(
    componentId: string,
    viewer: Viewer | null,
    respondentToken?: string,
  ): Promise<SurveyDto> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.SURVEY)
      throw DomainError.badInput('Cette fonctionnalité n’est pas une enquête.').inEnglish(
        'This feature is not a survey.',
      );
    const survey = await this.dataSource
      .getRepository(SurveyEntity)
      .findOne({ where: { componentId } });
    if (!survey)
      throw DomainError.notFound('Enquête', { componentId }).inEnglish('Survey not found.');
    return this.present(survey, component.spaceId, viewer, respondentToken);
  }

  /**
   * A questionnaire by its id (same visibility as {@link byComponent}).
   * @throws NOT_FOUND unknown or hidden
   */
  async byId(
    surveyId: string,
    viewer: Viewer | null,
    respondentToken?: string,
  ): Promise<SurveyDto> {
    const survey = await this.dataSource
      .getRepository(SurveyEntity)
      .findOne({ where: { id: surveyId } });
    if (!survey) throw DomainError.notFound('Enquête', { surveyId }).inEnglish('Survey not found.');
    return this.byComponent(survey.componentId, viewer, respondentToken);
  }

  /**
   * What answering a questionnaire needs to know before its transaction: the questionnaire exists
   * and the viewer may see it (same visibility as {@link byComponent}), and its space and title
   * (for the action log). Two to three round trips, against the seven of {@link byId}.
   * @throws NOT_FOUND unknown or hidden
   */
  async answerTarget(
    surveyId: string,
    viewer: Viewer | null,
  ): Promise<{ componentId: string; spaceId: string; title: string }> {
    const [row] = await this.dataSource.query(
      `SELECT component_id, title FROM surveys WHERE id = $1`,
      [surveyId],
    );
    if (!row) throw DomainError.notFound('Enquête', { surveyId }).inEnglish('Survey not found.');
    const component = await this.spaces.component(row.component_id, viewer); // NOT_FOUND when hidden
    return { componentId: row.component_id, spaceId: component.spaceId, title: row.title };
  }

  private async present(
    survey: SurveyEntity,
    spaceId: string,
    viewer: Viewer | null,
    respondentToken?: string,
  ): Promise<SurveyDto> {
    const questions = await this.dataSource.query(
      `SELECT id, survey_id AS "surveyId", position, type, body, mandatory, settings, removed_at AS "removedAt"
         FROM survey_questions WHERE survey_id = $1 AND removed_at IS NULL ORDER BY position`,
      [survey.id],
    );
    const options = await this.dataSource.query(
      `SELECT o.id, o.question_id AS "questionId", o.position, o.body, o.free_text AS "freeText", o.kind, o.removed_at AS "removedAt"
         FROM survey_question_options o JOIN survey_questions q ON q.id = o.question_id
        WHERE q.survey_id = $1 AND q.removed_at IS NULL AND o.removed_at IS NULL`,
      [survey.id],
    );
    const canAdminister = await this.canAdminister(viewer, spaceId);
    let answered = false;
    if (viewer || respondentToken) {
      const rows = await this.dataSource.query(
        `SELECT 1 FROM survey_submissions WHERE survey_id = $1 AND (user_id = $2 OR anonymous_token_hash = $3) LIMIT 1`,
        [
          survey.id,
          viewer?.user.id ?? null,
          respondentToken ? hashRespondentToken(respondentToken) : null,
        ],
      );
      answered = rows.length > 0;
    }
    return {
      id: survey.id,
      componentId: survey.componentId,
      title: survey.title,
      description: survey.description,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      open: isOpenAt(new Date(), survey.opensAt, survey.closesAt),
      allowAnonymous: survey.allowAnonymous,
      terms: survey.terms,
      version: survey.version,
      resultsPublished: survey.resultsPublishedAt !== null,
      viewerHasAnswered: answered,
      viewerCanAdminister: canAdminister,
      viewerCanSeeResults: canAdminister || survey.resultsPublishedAt !== null,
      questions: questions.map((q: SurveyQuestionEntity) => toQuestionDto(q, options)),
    };
  }

  /** Whether the viewer administers the space (space ADMIN role or organization admin). */
  async canAdminister(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    if (viewer.user.isAdmin) return true;
    return this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN]);
  }

  /** Enquêtes of all published spaces and published SURVEY components, newest first. */
  async listPublished(): Promise<SurveySummaryDto[]> {
    const rows: {
      id: string;
      component_id: string;
      title: string;
      description: string;
      opens_at: Date | null;
      closes_at: Date | null;
      question_count: string;
      slug: string;
      space_title: string;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.component_id, s.title, s.description, s.opens_at, s.closes_at,
              (SELECT count(*) FROM survey_questions q WHERE q.survey_id = s.id AND q.removed_at IS NULL
                  AND q.type NOT IN ('SEPARATOR', 'TITLE_AND_DESCRIPTION')) AS question_count,
              sp.slug, sp.title AS space_title
         FROM surveys s
         JOIN components c ON c.id = s.component_id AND c.published_at IS NOT NULL
         JOIN participatory_spaces sp ON sp.id = c.space_id AND sp.published_at IS NOT NULL
        ORDER BY s.created_at DESC, s.id`,
    );
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      componentId: r.component_id,
      title: r.title,
      description: r.description,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      open: isOpenAt(now, r.opens_at, r.closes_at),
      questionCount: Number(r.question_count),
      spaceSlug: r.slug,
      spaceTitle: r.space_title,
    }));
  }

  // ---------------------------------------------------------------- builder

  /**
   * Creates the questionnaire of a SURVEY component that has none. Access: space admins.
   * @throws BAD_USER_INPUT not a SURVEY component, title missing, closesAt ≤ opensAt; CONFLICT it already has one; NOT_FOUND component
   */
  async createSurvey(input: CreateSurveyInput, viewer: Viewer): Promise<SurveyDto> {
    if (!input.title)
      throw DomainError.badInput('title: obligatoire', { field: 'title' }).inEnglish(
        'This field is required.',
      );
    checkDates(input.opensAt ?? null, input.closesAt ?? null);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const [component] = await manager.query(
        `SELECT id, space_id, type FROM components WHERE id = $1 FOR UPDATE`,
        [input.componentId],
      );
      if (!component)
        throw DomainError.notFound('Fonctionnalité', { id: input.componentId }).inEnglish(
          'Feature not found.',
        );
      if (component.type !== ComponentType.SURVEY)
        throw DomainError.badInput('Cette fonctionnalité n’est pas une enquête.').inEnglish(
          'This feature is not a survey.',
        );
      const [row] = await manager.query(
        `INSERT INTO surveys (component_id, title, description, opens_at, closes_at, allow_anonymous, terms)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (component_id) DO NOTHING RETURNING id`,
        [
          input.componentId,
          input.title,
          input.description ?? '',
          input.opensAt ?? null,
          input.closesAt ?? null,
          input.allowAnonymous ?? false,
          input.terms?.trim() ?? '',
        ],
      );
      if (!row)
        throw DomainError.conflict('Cette fonctionnalité a déjà un questionnaire.').inEnglish(
          'This feature already has a questionnaire.',
        );
      await this.log(
        manager,
        viewer,
        'create',
        'survey',
        row.id,
        component.space_id,
        `Enquête « ${input.title} » créée`,
      );
      return row.id as string;
    });
    return this.byId(id, viewer);
  }

  /**
   * Changes the questionnaire's title, description, dates, anonymous answering or terms. Access: space admins.
   * @throws NOT_FOUND; BAD_USER_INPUT closesAt ≤ opensAt
   */
  async updateSurvey(
    surveyId: string,
    input: SurveyFieldsInput,
    viewer: Viewer,
  ): Promise<SurveyDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, surveyId);
      const [current] = await manager.query(
        `SELECT opens_at, closes_at FROM surveys WHERE id = $1`,
        [surveyId],
      );
      const opensAt = input.opensAt !== undefined ? input.opensAt : current.opens_at;
      const closesAt = input.closesAt !== undefined ? input.closesAt : current.closes_at;
      checkDates(opensAt, closesAt);
      const set: string[] = ['opens_at = $2', 'closes_at = $3', 'updated_at = now()'];
      const params: unknown[] = [surveyId, opensAt, closesAt];
      const add = (column: string, value: unknown) => {
        params.push(value);
        set.push(`${column} = $${params.length}`);
      };
      if (input.title !== undefined) add('title', input.title);
      if (input.description !== undefined) add('description', input.description);
      if (input.allowAnonymous !== undefined) add('allow_anonymous', input.allowAnonymous);
      if (input.terms !== undefined) add('terms', input.terms.trim());
      await manager.query(`UPDATE surveys SET ${set.join(', ')} WHERE id = $1`, params);
      await this.log(
        manager,
        viewer,
        'update',
        'survey',
        surveyId,
        locked.space_id,
        'Questionnaire modifié',
      );
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Publishes (or withdraws) the results to participants. Access: space admins.
   * @throws NOT_FOUND
   */
  async publishResults(surveyId: string, published: boolean, viewer: Viewer): Promise<SurveyDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, surveyId);
      await manager.query(
        `UPDATE surveys SET results_published_at = CASE WHEN $2 THEN coalesce(results_published_at, now()) END, updated_at = now() WHERE id = $1`,
        [surveyId, published],
      );
      await this.log(
        manager,
        viewer,
        published ? 'publish_results' : 'unpublish_results',
        'survey',
        surveyId,
        locked.space_id,
        published ? 'Résultats publiés' : 'Résultats retirés',
        published ? 'PUBLIC' : 'ADMIN_ONLY',
      );
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Adds a question at the end (with its options and matrix rows). Access: space admins.
   * @throws BAD_USER_INPUT missing type/body, a SCALE without a coherent scale, a condition on an
   *         unknown/later question or option, limits on the wrong type; NOT_FOUND survey
   */
  async addQuestion(input: AddSurveyQuestionInput, viewer: Viewer): Promise<SurveyDto> {
    if (!input.type)
      throw DomainError.badInput('type: obligatoire', { field: 'type' }).inEnglish(
        'This field is required.',
      );
    if (!input.body)
      throw DomainError.badInput('body: obligatoire', { field: 'body' }).inEnglish(
        'This field is required.',
      );
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, input.surveyId);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(position) + 1, 0) AS next FROM survey_questions WHERE survey_id = $1 AND removed_at IS NULL`,
        [input.surveyId],
      );
      const settings = await this.settingsOf(
        manager,
        input.surveyId,
        input.type!,
        {},
        input,
        Number(next),
      );
      const [question] = await manager.query(
        `INSERT INTO survey_questions (survey_id, position, type, body, mandatory, settings) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          input.surveyId,
          next,
          input.type,
          input.body,
          LAYOUT_TYPES.has(input.type!) ? false : (input.mandatory ?? false),
          settings,
        ],
      );
      await this.insertOptions(
        manager,
        question.id,
        input.type!,
        input.options ?? [],
        input.rows ?? [],
      );
      await this.refuseUnanswerable(
        manager,
        question.id,
        input.type!,
        LAYOUT_TYPES.has(input.type!) ? false : (input.mandatory ?? false),
      );
      await this.log(
        manager,
        viewer,
        'add_question',
        'survey_question',
        question.id,
        locked.space_id,
        `Question ajoutée : ${input.body!.slice(0, 80)}`,
      );
    });
    return this.byId(input.surveyId, viewer);
  }

  /**
   * Changes a question. Changing its type once the survey has answers removes the old question
   * (kept, marked removed, with its answers) and adds a new one in its place, in a new version.
   * Access: space admins.
   * @throws NOT_FOUND question unknown or removed; BAD_USER_INPUT as {@link addQuestion}
   */
  async updateQuestion(
    questionId: string,
    input: SurveyQuestionFieldsInput,
    viewer: Viewer,
  ): Promise<SurveyDto> {
    const surveyId = await inTransaction(this.dataSource, async (manager) => {
      const question = await this.activeQuestion(manager, questionId);
      const locked = await this.lock(manager, question.surveyId);
      const type = input.type ?? question.type;
      const settings = await this.settingsOf(
        manager,
        question.surveyId,
        type,
        question.settings,
        input,
        question.position,
        question.id,
      );
      const mandatory = LAYOUT_TYPES.has(type) ? false : (input.mandatory ?? question.mandatory);
      const body = input.body ?? question.body;
      if (type !== question.type && locked.answered) {
        // answers were given to the old type: keep them with the old question, start a new version
        await manager.query(`UPDATE survey_questions SET removed_at = now() WHERE id = $1`, [
          questionId,
        ]);
        const [created] = await manager.query(
          `INSERT INTO survey_questions (survey_id, position, type, body, mandatory, settings) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [question.surveyId, question.position, type, body, mandatory, settings],
        );
        if (CHOICE_TYPES.has(type)) {
          await manager.query(
            `INSERT INTO survey_question_options (question_id, position, body, free_text, kind)
             SELECT $2, position, body, free_text, kind FROM survey_question_options
              WHERE question_id = $1 AND removed_at IS NULL AND (kind = 'OPTION' OR $3)`,
            [questionId, created.id, MATRIX_TYPES.has(type)],
          );
        }
        // conditions pointed at the old question's options, which no longer apply
        await manager.query(
          `UPDATE survey_questions SET settings = settings - 'condition' WHERE survey_id = $1 AND settings->'condition'->>'questionId' = $2`,
          [question.surveyId, questionId],
        );
        await this.refuseUnanswerable(manager, created.id, type, mandatory);
        await this.newVersion(manager, question.surveyId);
        await this.log(
          manager,
          viewer,
          'change_question_type',
          'survey_question',
          created.id,
          locked.space_id,
          `Type de question changé (${question.type} → ${type}) : nouvelle version ${locked.version + 1}`,
        );
      } else {
        await manager.query(
          `UPDATE survey_questions SET type = $2, body = $3, mandatory = $4, settings = $5 WHERE id = $1`,
          [questionId, type, body, mandatory, settings],
        );
        await this.refuseUnanswerable(manager, questionId, type, mandatory);
        await this.log(
          manager,
          viewer,
          'update_question',
          'survey_question',
          questionId,
          locked.space_id,
          `Question modifiée : ${body.slice(0, 80)}`,
        );
      }
      return question.surveyId;
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Removes a question: deleted when the survey has no answers, otherwise kept (marked removed,
   * with its answers) in a new version. Later positions close the gap. Access: space admins.
   * @throws NOT_FOUND; BAD_USER_INPUT another question's condition depends on it
   */
  async removeQuestion(questionId: string, viewer: Viewer): Promise<SurveyDto> {
    const surveyId = await inTransaction(this.dataSource, async (manager) => {
      const question = await this.activeQuestion(manager, questionId);
      const locked = await this.lock(manager, question.surveyId);
      const dependents = await manager.query(
        `SELECT 1 FROM survey_questions WHERE survey_id = $1 AND removed_at IS NULL AND settings->'condition'->>'questionId' = $2 LIMIT 1`,
        [question.surveyId, questionId],
      );
      if (dependents.length)
        throw DomainError.badInput(
          'Une autre question dépend de celle-ci (condition d’affichage) : retirez d’abord la condition.',
        ).inEnglish(
          'Another question depends on this one (display condition): remove the condition first.',
        );
      if (locked.answered) {
        await manager.query(`UPDATE survey_questions SET removed_at = now() WHERE id = $1`, [
          questionId,
        ]);
        await this.newVersion(manager, question.surveyId);
      } else {
        await manager.query(`DELETE FROM survey_questions WHERE id = $1`, [questionId]);
      }
      await manager.query(
        `UPDATE survey_questions SET position = position - 1 WHERE survey_id = $1 AND removed_at IS NULL AND position > $2`,
        [question.surveyId, question.position],
      );
      await this.log(
        manager,
        viewer,
        'remove_question',
        'survey_question',
        questionId,
        locked.space_id,
        `Question retirée : ${question.body.slice(0, 80)}`,
      );
      return question.surveyId;
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Puts the current questions in the given order (positions 0…n−1). Access: space admins.
   * @param questionIds every current question of the survey exactly once
   * @throws BAD_USER_INPUT not exactly the current questions; BAD_USER_INPUT a condition would point at a later question
   */
  async reorderQuestions(
    surveyId: string,
    questionIds: string[],
    viewer: Viewer,
  ): Promise<SurveyDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, surveyId);
      const current: { id: string; settings: QuestionSettings }[] = await manager.query(
        `SELECT id, settings FROM survey_questions WHERE survey_id = $1 AND removed_at IS NULL`,
        [surveyId],
      );
      const ids = new Set(current.map((q) => q.id));
      if (
        questionIds.length !== ids.size ||
        new Set(questionIds).size !== ids.size ||
        questionIds.some((id) => !ids.has(id))
      ) {
        throw DomainError.badInput('Donnez chaque question actuelle une fois.', {
          field: 'questionIds',
        }).inEnglish('Give each current question once.');
      }
      const rank = new Map(questionIds.map((id, i) => [id, i]));
      for (const q of current) {
        const target = q.settings?.condition?.questionId;
        if (target && rank.get(target)! >= rank.get(q.id)!)
          throw DomainError.badInput(
            'Une question conditionnelle doit suivre la question dont elle dépend.',
          ).inEnglish('A conditional question must come after the question it depends on.');
      }
      await manager.query(
        `UPDATE survey_questions q SET position = o.ord - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE q.id = o.id AND q.survey_id = $1`,
        [surveyId, questionIds],
      );
      await this.log(
        manager,
        viewer,
        'reorder_questions',
        'survey',
        surveyId,
        locked.space_id,
        'Questions réordonnées',
      );
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Adds an option (or a matrix row) at the end of a question. Access: space admins.
   * @throws NOT_FOUND; BAD_USER_INPUT the question takes no options (or rows)
   */
  async addOption(input: AddSurveyOptionInput, viewer: Viewer): Promise<SurveyDto> {
    const surveyId = await inTransaction(this.dataSource, async (manager) => {
      const question = await this.activeQuestion(manager, input.questionId);
      const locked = await this.lock(manager, question.surveyId);
      const kind = input.kind ?? 'OPTION';
      if (
        !CHOICE_TYPES.has(question.type) ||
        (kind === 'ROW' && !MATRIX_TYPES.has(question.type))
      ) {
        throw DomainError.badInput(
          kind === 'ROW'
            ? 'Seules les matrices ont des lignes.'
            : 'Ce type de question ne prend pas d’options.',
        ).inEnglish(
          kind === 'ROW'
            ? 'Only matrices have rows.'
            : 'This type of question does not take options.',
        );
      }
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(position) + 1, 0) AS next FROM survey_question_options WHERE question_id = $1 AND kind = $2 AND removed_at IS NULL`,
        [question.id, kind],
      );
      const [row] = await manager.query(
        `INSERT INTO survey_question_options (question_id, position, body, free_text, kind) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [question.id, next, input.body, kind === 'OPTION' && (input.freeText ?? false), kind],
      );
      await this.log(
        manager,
        viewer,
        'add_option',
        'survey_question_option',
        row.id,
        locked.space_id,
        `Option ajoutée : ${input.body.slice(0, 80)}`,
      );
      return question.surveyId;
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Rewords an option or switches its free text. Access: space admins.
   * @throws NOT_FOUND option unknown or removed
   */
  async updateOption(
    optionId: string,
    input: UpdateSurveyOptionInput,
    viewer: Viewer,
  ): Promise<SurveyDto> {
    const surveyId = await inTransaction(this.dataSource, async (manager) => {
      const option = await this.activeOption(manager, optionId);
      const locked = await this.lock(manager, option.survey_id);
      await manager.query(
        `UPDATE survey_question_options SET body = coalesce($2, body), free_text = coalesce($3, free_text) AND kind = 'OPTION' WHERE id = $1`,
        [optionId, input.body ?? null, input.freeText ?? null],
      );
      await this.log(
        manager,
        viewer,
        'update_option',
        'survey_question_option',
        optionId,
        locked.space_id,
        'Option modifiée',
      );
      return option.survey_id as string;
    });
    return this.byId(surveyId, viewer);
  }

  /**
   * Removes an option: deleted when the survey has no answers, otherwise kept (marked removed,
   * shown as "(option supprimée)" in results) in a new version. Access: space admins.
   * @throws NOT_FOUND; BAD_USER_INPUT a display condition uses this option
   */
  async removeOption(optionId: string, viewer: Viewer): Promise<SurveyDto> {
    const surveyId = await inTransaction(this.dataSource, async (manager) => {
      const option = await this.activeOption(manager, optionId);
      const locked = await this.lock(manager, option.survey_id);
      const dependents = await manager.query(
        `SELECT 1 FROM survey_questions WHERE survey_id = $1 AND removed_at IS NULL AND settings->'condition'->>'optionId' = $2 LIMIT 1`,
        [option.survey_id, optionId],
      );
      if (dependents.length)
        throw DomainError.badInput(
          'Une condition d’affichage utilise cette option : retirez d’abord la condition.',
        ).inEnglish('A display condition uses this option: remove the condition first.');
      if (locked.answered) {
        await manager.query(`UPDATE survey_question_options SET removed_at = now() WHERE id = $1`, [
          optionId,
        ]);
        await this.newVersion(manager, option.survey_id);
      } else {
        await manager.query(`DELETE FROM survey_question_options WHERE id = $1`, [optionId]);
      }
      await manager.query(
        `UPDATE survey_question_options SET position = position - 1 WHERE question_id = $1 AND kind = $2 AND removed_at IS NULL AND position > $3`,
        [option.question_id, option.kind, option.position],
      );
      const [question] = await manager.query(
        `SELECT type, mandatory FROM survey_questions WHERE id = $1`,
        [option.question_id],
      );
      await this.refuseUnanswerable(manager, option.question_id, question.type, question.mandatory);
      await this.log(
        manager,
        viewer,
        'remove_option',
        'survey_question_option',
        optionId,
        locked.space_id,
        locked.answered
          ? `Option retirée : nouvelle version ${locked.version + 1}`
          : 'Option retirée',
      );
      return option.survey_id as string;
    });
    return this.byId(surveyId, viewer);
  }

  // ---------------------------------------------------------------- internals

  /** Locks the survey row against answers (which take it FOR SHARE) and reads whether it has any. */
  private async lock(manager: EntityManager, surveyId: string): Promise<LockedSurvey> {
    const [row] = await manager.query(
      `SELECT s.id, s.component_id, c.space_id, s.version,
              EXISTS (SELECT 1 FROM survey_submissions x WHERE x.survey_id = s.id) AS answered
         FROM surveys s JOIN components c ON c.id = s.component_id WHERE s.id = $1 FOR UPDATE OF s`,
      [surveyId],
    );
    if (!row) throw DomainError.notFound('Enquête', { surveyId }).inEnglish('Survey not found.');
    return row;
  }

  private async newVersion(manager: EntityManager, surveyId: string): Promise<void> {
    await manager.query(
      `UPDATE surveys SET version = version + 1, updated_at = now() WHERE id = $1`,
      [surveyId],
    );
  }

  private async activeQuestion(
    manager: EntityManager,
    questionId: string,
  ): Promise<SurveyQuestionEntity> {
    const [q] = await queryRows<SurveyQuestionEntity>(
      manager,
      `SELECT id, survey_id AS "surveyId", position, type, body, mandatory, settings FROM survey_questions WHERE id = $1 AND removed_at IS NULL`,
      [questionId],
    );
    if (!q) throw DomainError.notFound('Question', { questionId }).inEnglish('Question not found.');
    return q;
  }

  private async activeOption(manager: EntityManager, optionId: string) {
    const [o] = await manager.query(
      `SELECT o.id, o.question_id, o.kind, o.position, q.survey_id FROM survey_question_options o JOIN survey_questions q ON q.id = o.question_id
        WHERE o.id = $1 AND o.removed_at IS NULL AND q.removed_at IS NULL`,
      [optionId],
    );
    if (!o) throw DomainError.notFound('Option', { optionId }).inEnglish('Option not found.');
    return o;
  }

  /**
   * Refuses (rolling the change back) a mandatory choice question left without options, or a
   * mandatory matrix without rows: no respondent could answer it, so every submission would be
   * refused as « obligatoire » until an admin noticed.
   * @throws BAD_USER_INPUT with `field` (`options` or `rows`) and `reason: OPTIONS_REQUIRED`
   */
  private async refuseUnanswerable(
    manager: EntityManager,
    questionId: string,
    type: SurveyQuestionType,
    mandatory: boolean,
  ): Promise<void> {
    if (!mandatory || !CHOICE_TYPES.has(type)) return;
    const [{ options, rows }] = await manager.query(
      `SELECT count(*) FILTER (WHERE kind = 'OPTION')::int AS options, count(*) FILTER (WHERE kind = 'ROW')::int AS rows
         FROM survey_question_options WHERE question_id = $1 AND removed_at IS NULL`,
      [questionId],
    );
    if (options === 0) {
      throw DomainError.badInput(
        'Une question obligatoire à choix doit garder au moins une option : rendez-la d’abord facultative, puis ajoutez ses options.',
        { field: 'options', reason: 'OPTIONS_REQUIRED' },
      ).inEnglish(
        'A mandatory choice question must keep at least one option: make it optional first, then add its options.',
      );
    }
    if (MATRIX_TYPES.has(type) && rows === 0) {
      throw DomainError.badInput(
        'Une matrice obligatoire doit garder au moins une ligne : rendez-la d’abord facultative, puis ajoutez ses lignes.',
        { field: 'rows', reason: 'OPTIONS_REQUIRED' },
      ).inEnglish(
        'A mandatory matrix must keep at least one row: make it optional first, then add its rows.',
      );
    }
  }

  private async insertOptions(
    manager: EntityManager,
    questionId: string,
    type: SurveyQuestionType,
    options: { body: string; freeText?: boolean }[],
    rows: string[],
  ) {
    if (options.length && !CHOICE_TYPES.has(type))
      throw DomainError.badInput('Ce type de question ne prend pas d’options.', {
        field: 'options',
      }).inEnglish('This type of question does not take options.');
    if (rows.length && !MATRIX_TYPES.has(type))
      throw DomainError.badInput('Seules les matrices ont des lignes.', {
        field: 'rows',
      }).inEnglish('Only matrices have rows.');
    const all = [
      ...options.map((o, i) => ({
        body: o.body,
        freeText: o.freeText ?? false,
        kind: 'OPTION',
        position: i,
      })),
      ...rows.map((r, i) => ({ body: r.trim(), freeText: false, kind: 'ROW', position: i })),
    ];
    if (all.some((o) => !o.body))
      throw DomainError.badInput('Une option ne peut pas être vide.', {
        field: 'options',
      }).inEnglish('An option cannot be empty.');
    if (!all.length) return;
    await manager.query(
      `INSERT INTO survey_question_options (question_id, position, body, free_text, kind)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::boolean[], $5::text[])`,
      [
        questionId,
        all.map((o) => o.position),
        all.map((o) => o.body),
        all.map((o) => o.freeText),
        all.map((o) => o.kind),
      ],
    );
  }

  /** Merges and checks the settings a question of `type` keeps (see {@link QuestionSettings}). */
  private async settingsOf(
    manager: EntityManager,
    surveyId: string,
    type: SurveyQuestionType,
    current: QuestionSettings,
    input: SurveyQuestionFieldsInput,
    position: number,
    selfId?: string,
  ): Promise<QuestionSettings> {
    const settings: QuestionSettings = { ...current };
    if (input.description !== undefined) settings.description = input.description;
    if (input.section !== undefined) settings.section = input.section;
    if (input.maxChoices !== undefined) settings.maxChoices = input.maxChoices || undefined;
    if (input.maxCharacters !== undefined)
      settings.maxCharacters = input.maxCharacters || undefined;
    if (input.scale)
      settings.scale = {
        points: input.scale.points,
        labels: input.scale.labels.map((l) => l.trim()),
      };
    if (input.condition === null) delete settings.condition;
    else if (input.condition)
      settings.condition = {
        questionId: input.condition.questionId,
        kind: input.condition.kind,
        optionId: input.condition.optionId ?? null,
      };

    if (type === 'SCALE') {
      if (!settings.scale)
        throw DomainError.badInput('Une échelle demande un nombre de points et leurs libellés.', {
          field: 'scale',
        }).inEnglish('A scale needs a number of points and their labels.');
      if (settings.scale.labels.length !== settings.scale.points)
        throw DomainError.badInput('Un libellé par point de l’échelle.', {
          field: 'scale',
        }).inEnglish('One label per point of the scale.');
    } else delete settings.scale;
    if (settings.maxChoices && type !== 'MULTIPLE_OPTION' && type !== 'MATRIX_MULTIPLE')
      throw DomainError.badInput('maxChoices : questions à choix multiples seulement.', {
        field: 'maxChoices',
      }).inEnglish('Multiple-choice questions only.');
    if (settings.maxCharacters && !TEXT_TYPES.has(type))
      throw DomainError.badInput('maxCharacters : questions à réponse libre seulement.', {
        field: 'maxCharacters',
      }).inEnglish('Free-text questions only.');
    if (settings.maxChoices === undefined) delete settings.maxChoices;
    if (settings.maxCharacters === undefined) delete settings.maxCharacters;
    const condition = settings.condition;
    if (condition) {
      if (LAYOUT_TYPES.has(type))
        throw DomainError.badInput('Un séparateur ne prend pas de condition.', {
          field: 'condition',
        }).inEnglish('A separator does not take a condition.');
      const [target] = await manager.query(
        `SELECT id, position, type FROM survey_questions WHERE id = $1 AND survey_id = $2 AND removed_at IS NULL`,
        [condition.questionId, surveyId],
      );
      if (
        !target ||
        target.id === selfId ||
        target.position >= position ||
        LAYOUT_TYPES.has(target.type)
      ) {
        throw DomainError.badInput(
          'La condition doit porter sur une question précédente de cette enquête.',
          { field: 'condition' },
        ).inEnglish('The condition must be about an earlier question of this survey.');
      }
      if (condition.kind !== 'ANSWERED') {
        if (!condition.optionId)
          throw DomainError.badInput('Choisissez l’option de la condition.', {
            field: 'condition',
          }).inEnglish('Choose the condition’s option.');
        const ok = await manager.query(
          `SELECT 1 FROM survey_question_options WHERE id = $1 AND question_id = $2 AND kind = 'OPTION' AND removed_at IS NULL`,
          [condition.optionId, target.id],
        );
        if (!ok.length)
          throw DomainError.badInput(
            'L’option de la condition n’appartient pas à cette question.',
            { field: 'condition' },
          ).inEnglish('The condition’s option does not belong to this question.');
      } else condition.optionId = null;
    }
    return settings;
  }

  private log(
    manager: EntityManager,
    viewer: Viewer,
    action: string,
    resourceType: string,
    resourceId: string,
    spaceId: string,
    summary: string,
    visibility: 'PUBLIC' | 'ADMIN_ONLY' = 'ADMIN_ONLY',
  ) {
    return this.actionLog.record(manager, {
      userId: viewer.user.id,
      action,
      resourceType,
      resourceId,
      spaceId,
      visibility,
      summary,
    });
  }
}

/** closesAt must come after opensAt (the table checks it too). */
function checkDates(opensAt: Date | null, closesAt: Date | null): void {
  if (opensAt && closesAt && closesAt <= opensAt)
    throw DomainError.badInput('La clôture doit suivre l’ouverture.', {
      field: 'closesAt',
    }).inEnglish('Closing must come after opening.');
}
