import { ComponentType, SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { ComponentEntity } from '../participatory-space/entities/component.entity';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import {
  AmendmentSettingsDto,
  AmendmentSettingsInput,
  ParticipatoryTextDto,
  TextArticleDto,
  TextSectionDto,
} from './dtos/participatory-text.dto';
import { ParticipatoryTextImport } from './participatory-text-import';

/** Amendment settings of a component (Decidim's `amendments_enabled`, `amendments_visibility`); defaults: enabled, ALL. */
export function amendmentSettingsOf(settings: Record<string, unknown>): AmendmentSettingsDto {
  return {
    amendmentsEnabled: settings.amendmentsEnabled !== false,
    amendmentsVisibility: settings.amendmentsVisibility === 'ONLY_OWN' ? 'ONLY_OWN' : 'ALL',
  };
}

interface ArticleRow {
  id: string;
  component_id: string;
  section_id: string | null;
  number: number;
  body: string;
  version: number;
  comments_count: number;
  pending: string;
  accepted: string;
}

/**
 * Participatory texts (Decidim's participatory_documents): a PARTICIPATORY_TEXT component's
 * Markdown is imported into sections (headings, nested by level) and numbered articles (each
 * top-level paragraph or list), previewed and re-imported by the space's admins until
 * published; from then on the structure is fixed and only accepted amendments change articles.
 */
@Injectable()
export class ParticipatoryTextService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
  ) {
    this.importer = new ParticipatoryTextImport(actionLog);
  }

  private readonly importer: ParticipatoryTextImport;

  /**
   * A participatory text with its sections and articles at their current version, each with its
   * counts of pending (EVALUATING) and accepted amendments, counted by PostgreSQL.
   * Access: anyone for a published text; an unpublished one only for the space's admins
   * (others get null), like a text never imported.
   * @throws NOT_FOUND component unknown or hidden; BAD_USER_INPUT not a PARTICIPATORY_TEXT component
   */
  async text(componentId: string, viewer: Viewer | null): Promise<ParticipatoryTextDto | null> {
    const component = await this.textComponent(componentId, viewer);
    const [text] = await this.dataSource.query(
      `SELECT published_at FROM participatory_texts WHERE component_id = $1`,
      [componentId],
    );
    if (!text) return null;
    if (!text.published_at && !(await this.isSpaceAdmin(viewer, component.spaceId))) return null;
    const sections: {
      id: string;
      parent_id: string | null;
      level: number;
      position: number;
      title: string;
    }[] = await this.dataSource.query(
      `SELECT id, parent_id, level, position, title FROM text_sections WHERE component_id = $1 ORDER BY position`,
      [componentId],
    );
    const articles = (
      await this.dataSource.query(
        `SELECT a.id, a.component_id, a.section_id, a.number, a.body, a.version, a.comments_count,
                count(am.id) FILTER (WHERE am.state = 'EVALUATING' AND am.hidden_at IS NULL) AS pending,
                count(am.id) FILTER (WHERE am.state = 'ACCEPTED') AS accepted
           FROM text_articles a
           LEFT JOIN amendments am ON am.amendable_type = 'ARTICLE' AND am.amendable_id = a.id
          WHERE a.component_id = $1 GROUP BY a.id ORDER BY a.number`,
        [componentId],
      )
    ).map((r: ArticleRow) => this.articleDto(r));
    const bySection = new Map<string | null, TextArticleDto[]>();
    for (const a of articles)
      bySection.set(a.sectionId, [...(bySection.get(a.sectionId) ?? []), a]);
    return {
      componentId,
      published: !!text.published_at,
      publishedAt: text.published_at,
      preamble: bySection.get(null) ?? [],
      sections: sections.map(
        (s): TextSectionDto => ({
          id: s.id,
          parentId: s.parent_id,
          level: s.level,
          position: s.position,
          title: s.title,
          articles: bySection.get(s.id) ?? [],
        }),
      ),
      articlesCount: articles.length,
      settings: amendmentSettingsOf(component.settings),
      viewerCanAnswer: await this.canModerate(viewer, component.spaceId),
    };
  }

  /**
   * The consolidated text as Markdown: headings and articles in document order at their current
   * version. Access: as {@link text}. @returns null when there is no (visible) text
   * @throws NOT_FOUND; BAD_USER_INPUT not a PARTICIPATORY_TEXT component
   */
  async markdown(componentId: string, viewer: Viewer | null): Promise<string | null> {
    const text = await this.text(componentId, viewer);
    if (!text) return null;
    const blocks: string[] = text.preamble.map((a) => a.body);
    for (const section of text.sections) {
      blocks.push(`${'#'.repeat(section.level)} ${section.title}`);
      for (const a of section.articles) blocks.push(a.body);
    }
    return `${blocks.join('\n\n')}\n`;
  }

  /**
   * Imports (or re-imports) a Markdown document into a PARTICIPATORY_TEXT component, replacing
   * the previous unpublished import. Access: the space's admins (resolver policy).
   * @param markdown CommonMark, at most 500,000 characters; HTML is removed
   * @returns the imported text (unpublished) for preview
   * @throws NOT_FOUND component; BAD_USER_INPUT other component type, too long, or no paragraph;
   *         CONFLICT the text is already published (only amendments change it now)
   */
  async import(
    componentId: string,
    markdown: string,
    viewer: Viewer,
  ): Promise<ParticipatoryTextDto> {
    await inTransaction(this.dataSource, (manager) =>
      this.importer.importInTransaction(manager, componentId, markdown, viewer.user.id),
    );
    return (await this.text(componentId, viewer))!;
  }

  /**
   * Publishes an imported text: participants can read, comment and amend it; its structure is fixed.
   * Access: the space's admins (resolver policy).
   * @throws NOT_FOUND nothing imported; CONFLICT already published
   */
  async publish(componentId: string, viewer: Viewer): Promise<ParticipatoryTextDto> {
    await inTransaction(this.dataSource, (manager) =>
      this.importer.publishInTransaction(manager, componentId, viewer.user.id),
    );
    return (await this.text(componentId, viewer))!;
  }

  /**
   * Changes the amendment settings of a PARTICIPATORY_TEXT or PROPOSALS component.
   * Access: the space's admins (resolver policy).
   * @throws NOT_FOUND; BAD_USER_INPUT other component type
   */
  async updateSettings(
    componentId: string,
    input: AmendmentSettingsInput,
    viewer: Viewer,
  ): Promise<AmendmentSettingsDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const component = await manager.findOne(ComponentEntity, {
        where: { id: componentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!component)
        throw DomainError.notFound('Fonctionnalité', { id: componentId }).inEnglish(
          'Feature not found.',
        );
      if (
        component.type !== ComponentType.PARTICIPATORY_TEXT &&
        component.type !== ComponentType.PROPOSALS
      ) {
        throw DomainError.badInput(
          'Les amendements ne concernent que les textes collaboratifs et les propositions.',
          { field: 'componentId' },
        ).inEnglish('Amendments only apply to collaborative texts and proposals.');
      }
      const changes = Object.fromEntries(
        Object.entries(input).filter(([, v]) => v !== undefined && v !== null),
      );
      const settings = { ...component.settings, ...changes };
      await manager.update(ComponentEntity, { id: componentId }, { settings });
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update_amendment_settings',
        resourceType: 'component',
        resourceId: componentId,
        spaceId: component.spaceId,
        summary: JSON.stringify(changes),
      });
      return amendmentSettingsOf(settings);
    });
  }

  /** A visible PARTICIPATORY_TEXT component. @throws NOT_FOUND; BAD_USER_INPUT other type */
  async textComponent(componentId: string, viewer: Viewer | null) {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PARTICIPATORY_TEXT)
      throw DomainError.badInput('Cette fonctionnalité n’est pas un texte collaboratif.', {
        field: 'componentId',
      }).inEnglish('This feature is not a collaborative text.');
    return component as typeof component & { settings: Record<string, unknown> };
  }

  /** Whether the viewer moderates the space (organization admin, space admin or moderator). */
  async canModerate(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }

  private async isSpaceAdmin(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return viewer.user.isAdmin || this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN]);
  }

  private articleDto(r: ArticleRow): TextArticleDto {
    return {
      id: r.id,
      componentId: r.component_id,
      sectionId: r.section_id,
      number: r.number,
      body: r.body,
      version: r.version,
      pendingAmendmentsCount: Number(r.pending),
      acceptedAmendmentsCount: Number(r.accepted),
      commentsCount: r.comments_count,
    };
  }
}
