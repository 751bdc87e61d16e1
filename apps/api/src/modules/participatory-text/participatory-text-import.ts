import { randomUUID } from 'node:crypto';
import { ComponentType, ParticipatoryTextLimits } from '@concerto/domain';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { splitMarkdownDocument } from './markdown-import';
import { cleanMarkdown } from './text-body';

/** Longest Markdown document an import accepts (characters). */
export const MAX_IMPORT_LENGTH = ParticipatoryTextLimits.importMaxLength;

/**
 * The import and publication of a participatory text as units of work inside a caller's
 * transaction: used by {@link ParticipatoryTextService} (admins) and by the demo loader, so the
 * demo charter goes through the same path. Needs only the action log (no Nest injection).
 */
export class ParticipatoryTextImport {
  constructor(private readonly actionLog: ActionLogService) {}

  /**
   * The import's unit of work, inside the caller's transaction (the demo loader uses it too).
   * Locks the component row, so concurrent imports of one component run one after the other.
   * @param userId the importer (null for the demo loader); version 1 of each article is theirs
   * @throws as `ParticipatoryTextService.import`
   */
  async importInTransaction(
    manager: EntityManager,
    componentId: string,
    markdown: string,
    userId: string | null,
  ): Promise<void> {
    if (markdown.length > MAX_IMPORT_LENGTH)
      throw DomainError.badInput('500 000 caractères au plus.', { field: 'markdown' }).inEnglish(
        'At most 500,000 characters.',
      );
    const [component] = await manager.query(
      `SELECT id, type, space_id FROM components WHERE id = $1 FOR NO KEY UPDATE`,
      [componentId],
    );
    if (!component)
      throw DomainError.notFound('Fonctionnalité', { id: componentId }).inEnglish(
        'Feature not found.',
      );
    if (component.type !== ComponentType.PARTICIPATORY_TEXT)
      throw DomainError.badInput('Cette fonctionnalité n’est pas un texte collaboratif.', {
        field: 'componentId',
      }).inEnglish('This feature is not a collaborative text.');
    const source = cleanMarkdown(markdown);
    const { sections, articles } = splitMarkdownDocument(source);
    if (!articles.length)
      throw DomainError.badInput(
        'Le document ne contient aucun paragraphe : rien à découper en articles.',
        { field: 'markdown' },
      ).inEnglish('The document has no paragraph: nothing to split into articles.');
    const [existing] = await manager.query(
      `SELECT published_at FROM participatory_texts WHERE component_id = $1`,
      [componentId],
    );
    if (existing?.published_at)
      throw DomainError.conflict(
        'Le texte est publié : seule l’acceptation d’amendements peut le modifier.',
      ).inEnglish('The text is published: only accepting amendments can change it.');
    await manager.query(`DELETE FROM participatory_texts WHERE component_id = $1`, [componentId]);
    await manager.query(
      `INSERT INTO participatory_texts (component_id, imported_by) VALUES ($1, $2)`,
      [componentId, userId],
    );
    // one statement for every section: ids are drawn here so that children can name their parent
    // (the self-reference is checked at the end of the statement)
    const sectionIds = sections.map(() => randomUUID());
    if (sections.length)
      await manager.query(
        `INSERT INTO text_sections (id, component_id, parent_id, level, position, title)
         SELECT i, $1, p, l, n - 1, t FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[]) WITH ORDINALITY AS x(i, p, l, t, n)`,
        [
          componentId,
          sectionIds,
          sections.map((s) => (s.parentIndex === null ? null : sectionIds[s.parentIndex])),
          sections.map((s) => s.level),
          sections.map((s) => s.title.slice(0, 1000)),
        ],
      );
    await manager.query(
      `WITH inserted AS (
         INSERT INTO text_articles (component_id, section_id, number, body)
         SELECT $1, s, n, b FROM unnest($2::uuid[], $3::int[], $4::text[]) AS x(s, n, b) RETURNING id, body)
       INSERT INTO article_versions (article_id, version, body, author_id) SELECT id, 1, body, $5 FROM inserted`,
      [
        componentId,
        articles.map((a) => (a.sectionIndex === null ? null : sectionIds[a.sectionIndex])),
        articles.map((a) => a.number),
        articles.map((a) => a.body),
        userId,
      ],
    );
    await manager.query(
      `INSERT INTO participatory_text_sources (component_id, markdown) VALUES ($1, $2) ON CONFLICT (component_id) DO UPDATE SET markdown = EXCLUDED.markdown`,
      [componentId, markdown],
    );
    await this.actionLog.record(manager, {
      userId,
      action: 'import',
      resourceType: 'participatory_text',
      resourceId: componentId,
      spaceId: component.space_id,
      summary: `Texte importé : ${sections.length} sections, ${articles.length} articles`,
    });
  }

  /** The publication's unit of work inside the caller's transaction. @throws as `ParticipatoryTextService.publish` */
  async publishInTransaction(
    manager: EntityManager,
    componentId: string,
    userId: string | null,
  ): Promise<void> {
    const [text] = await manager.query(
      `SELECT t.published_at, c.space_id FROM participatory_texts t JOIN components c ON c.id = t.component_id WHERE t.component_id = $1 FOR UPDATE OF t`,
      [componentId],
    );
    if (!text)
      throw DomainError.notFound('Texte collaboratif', { componentId }).inEnglish(
        'Collaborative text not found.',
      );
    if (text.published_at)
      throw DomainError.conflict('Ce texte est déjà publié.').inEnglish(
        'This text is already published.',
      );
    await manager.query(
      `UPDATE participatory_texts SET published_at = now() WHERE component_id = $1`,
      [componentId],
    );
    await this.actionLog.record(manager, {
      userId,
      action: 'publish',
      resourceType: 'participatory_text',
      resourceId: componentId,
      spaceId: text.space_id,
      visibility: 'PUBLIC',
      summary: 'Texte collaboratif publié',
    });
  }

  /**
   * The Markdown sources of demo texts (in `is_demo` spaces) that were never imported into
   * sections and articles — databases whose demo was loaded before texts had a structure.
   * @param manager the caller's transaction
   */
  async demoSourcesNotImported(
    manager: EntityManager,
  ): Promise<{ componentId: string; markdown: string }[]> {
    const rows: { component_id: string; markdown: string }[] = await manager.query(
      `SELECT s.component_id, s.markdown FROM participatory_text_sources s
         JOIN components c ON c.id = s.component_id JOIN participatory_spaces p ON p.id = c.space_id
        WHERE p.is_demo AND NOT EXISTS (SELECT 1 FROM participatory_texts t WHERE t.component_id = s.component_id)`,
    );
    return rows.map((r) => ({ componentId: r.component_id, markdown: r.markdown }));
  }
}
