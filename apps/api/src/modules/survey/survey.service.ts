import { ComponentType } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SurveyDto, SurveySummaryDto } from './dtos/survey.dto';
import { SurveyQuestionEntity, SurveyQuestionOptionEntity } from './entities/survey-question.entity';
import { SurveyEntity } from './entities/survey.entity';

/** Open now, decided from the clock (never by a job): opensAt ≤ now < closesAt, absent bounds are open. */
export function isOpenAt(now: Date, opensAt: Date | null, closesAt: Date | null): boolean {
  return (!opensAt || opensAt <= now) && (!closesAt || now < closesAt);
}

/** Reads Enquêtes (the builder and answering arrive with the surveys feature). */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  /**
   * The questionnaire of a SURVEY component with its questions in order.
   * @throws NOT_FOUND hidden/unknown component or no questionnaire yet; BAD_USER_INPUT not a SURVEY component
   */
  async byComponent(componentId: string, viewer: Viewer | null): Promise<SurveyDto> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.SURVEY) throw DomainError.badInput('Cette fonctionnalité n’est pas une enquête.');
    const survey = await this.dataSource.getRepository(SurveyEntity).findOne({ where: { componentId } });
    if (!survey) throw DomainError.notFound('Enquête', { componentId });
    const questions = await this.dataSource.getRepository(SurveyQuestionEntity).find({ where: { surveyId: survey.id }, order: { position: 'ASC' } });
    const options = questions.length
      ? await this.dataSource
          .getRepository(SurveyQuestionOptionEntity)
          .find({ where: { questionId: In(questions.map((q) => q.id)) }, order: { position: 'ASC' } })
      : [];
    return {
      id: survey.id,
      componentId,
      title: survey.title,
      description: survey.description,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      open: isOpenAt(new Date(), survey.opensAt, survey.closesAt),
      questions: questions.map((q) => ({
        id: q.id,
        position: q.position,
        type: q.type,
        body: q.body,
        description: typeof q.settings.description === 'string' ? q.settings.description : null,
        section: typeof q.settings.section === 'string' ? q.settings.section : null,
        mandatory: q.mandatory,
        scale: q.settings.scale ?? null,
        options: options.filter((o) => o.questionId === q.id).map((o) => ({ id: o.id, position: o.position, body: o.body, freeText: o.freeText })),
      })),
    };
  }

  /** Enquêtes of all published spaces and published SURVEY components, newest first. */
  async listPublished(): Promise<SurveySummaryDto[]> {
    const rows: {
      id: string; component_id: string; title: string; description: string; opens_at: Date | null; closes_at: Date | null;
      question_count: string; slug: string; space_title: string;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.component_id, s.title, s.description, s.opens_at, s.closes_at,
              (SELECT count(*) FROM survey_questions q WHERE q.survey_id = s.id) AS question_count,
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
}
