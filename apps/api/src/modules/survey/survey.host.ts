import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import {
  type HostedResource,
  type ResourceHost,
  ResourceHostAdapter,
  type SpaceLocator,
  SpaceLocatorAdapter,
} from '../../platform/resource-host';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';

/** Surveys as a followable host (notified when they open and before they close). */
@Injectable()
@ResourceHostAdapter()
export class SurveyHost implements ResourceHost {
  readonly type = 'SURVEY';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const [row] = await manager.query(`SELECT id, component_id, title FROM surveys WHERE id = $1`, [
      checkedId(id),
    ]);
    if (!row) throw DomainError.notFound('Enquête', { id }).inEnglish('Survey not found.');
    await this.spaces.component(row.component_id, viewer); // NOT_FOUND when the viewer may not see it
    const place = (await this.spaces.componentPlace(row.component_id, manager))!;
    return this.hosted(row, place.spaceId, place.path, place.settings);
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = await manager.query(`SELECT id, component_id, title FROM surveys WHERE id = $1`, [
      id,
    ]);
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    return place ? this.hosted(row, place.spaceId, place.path, place.settings) : null;
  }

  readonly follows = {};

  private hosted(
    row: { id: string; component_id: string; title: string },
    spaceId: string,
    link: string,
    settings: Record<string, unknown>,
  ): HostedResource {
    return {
      type: this.type,
      id: row.id,
      spaceId,
      componentId: row.component_id,
      settings,
      hidden: false,
      title: row.title,
      link,
      authorId: null,
    };
  }
}

/** The space of a survey, question or option, for the access guard (`@SpaceRoles(…, (a) => ({ surveyQuestionId: … }))`). */
@Injectable()
@SpaceLocatorAdapter()
export class SurveySpaceLocator implements SpaceLocator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  private readonly lookup = (sql: string) => async (id: string) => {
    const [row] = (await this.dataSource.query(sql, [id])) as { component_id: string }[];
    return row ? ((await this.spaces.componentPlace(row.component_id))?.spaceId ?? null) : null;
  };

  readonly keys: SpaceLocator['keys'] = {
    surveyId: {
      what: 'Enquête',
      whatInEnglish: 'Survey',
      spaceIdOf: this.lookup(`SELECT component_id FROM surveys WHERE id = $1`),
    },
    surveyQuestionId: {
      what: 'Question',
      whatInEnglish: 'Question',
      spaceIdOf: this.lookup(
        `SELECT s.component_id FROM survey_questions q JOIN surveys s ON s.id = q.survey_id WHERE q.id = $1`,
      ),
    },
    surveyOptionId: {
      what: 'Option',
      whatInEnglish: 'Option',
      spaceIdOf: this.lookup(
        `SELECT s.component_id FROM survey_question_options o JOIN survey_questions q ON q.id = o.question_id JOIN surveys s ON s.id = q.survey_id WHERE o.id = $1`,
      ),
    },
  };
}
