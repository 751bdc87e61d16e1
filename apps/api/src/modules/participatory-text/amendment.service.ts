import { AmendmentLimits, ComponentType } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { diffWords } from 'diff';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { ModerationService } from '../moderation/moderation.service';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { ProposalAmendmentsService } from '../proposal/proposal-amendments.service';
import { ProposalService } from '../proposal/proposal.service';
import {
  AmendmentDto,
  CreateAmendmentInput,
  DiffPartDto,
  ResourceVersionDto,
  UpdateAmendmentInput,
} from './dtos/participatory-text.dto';
import type { AmendableType, AmendmentState } from './entities/amendment.entity';
import { amendmentSettingsOf, ParticipatoryTextService } from './participatory-text.service';
import { cleanMarkdown } from './text-body';
import { comparableText, hasVisibleText, trimText } from '../../common/validation/visible-text';

/** Limits of an emendation (the title becomes a proposal's title when promoted: same bounds). */
export { AmendmentLimits };

/** An amendment whose new text is empty. */
const emptyBody = () =>
  DomainError.badInput('Le texte est vide.', { field: 'body' }).inEnglish('The text is empty.');

/** The amendable as an amendment sees it: where it lives, its current version and text, who owns it. */
interface Amendable {
  type: AmendableType;
  id: string;
  componentId: string;
  spaceId: string;
  settings: Record<string, unknown>;
  version: number;
  /** Articles: Markdown body. Proposals: sanitised HTML body. */
  body: string;
  title: string | null;
  authorId: string | null;
  withdrawn: boolean;
  published: boolean;
}

interface AmendmentRow {
  id: string;
  amendable_type: AmendableType;
  amendable_id: string;
  component_id: string;
  space_id: string;
  author_id: string | null;
  author_name: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  title: string;
  body: string;
  base_version: number;
  state: AmendmentState;
  outdated: boolean;
  rejection_reason: string | null;
  answered_at: Date | null;
  supports_count: number;
  comments_count: number;
  promoted_proposal_id: string | null;
  hidden_at: Date | null;
  created_at: Date;
}

const SELECT_AMENDMENT = `SELECT am.*, u.name AS author_name, a.name AS answered_by_name FROM amendments am LEFT JOIN users u ON u.id = am.author_id LEFT JOIN users a ON a.id = am.answered_by`;

/**
 * An amendment hidden by moderation takes no support, edit, withdrawal or promotion: it does
 * not exist for its author and participants until a moderator shows it again.
 * @throws NOT_FOUND when `row` is hidden
 */
function refuseHidden(row: AmendmentRow): void {
  if (row.hidden_at)
    throw DomainError.notFound('Amendement', { id: row.id }).inEnglish('Amendment not found.');
}

/** The text a diff compares: an article's Markdown, or a proposal's title and plain text. */
function proposalText(title: string, body: string): string {
  return `${title}\n\n${richTextToPlain(body)}`;
}

/**
 * Amendments (Decidim's amendable/emendation): a participant proposes a new text for an article
 * or a proposal against its current version; whoever owns the amendable accepts (a new version
 * is written in the same transaction) or rejects it; the author withdraws it, rebases it when
 * another acceptance made it outdated, or promotes a rejected one to a proposal.
 *
 * Concurrency: every change locks the amendable's row first (FOR UPDATE to accept, FOR SHARE to
 * create or rebase), then the amendment's; acceptance checks the amendment's base version
 * against the amendable's current one under that lock, and a partial unique index allows one
 * accepted amendment per (amendable, base version). Two simultaneous acceptances: one wins,
 * the other gets CONFLICT.
 */
@Injectable()
export class AmendmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly texts: ParticipatoryTextService,
    private readonly spaces: ParticipatorySpaceService,
    private readonly proposals: ProposalService,
    private readonly proposalAmendments: ProposalAmendmentsService,
    private readonly follows: FollowService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly moderation: ModerationService,
  ) {}

  /**
   * Amendments of an article or a proposal, oldest first. With `amendmentsVisibility: ONLY_OWN`
   * a participant sees only their own; the amendable's owners see all. Amendments hidden by
   * moderation are listed only for the space's moderators and admins (with `hidden: true`).
   * Access: anyone who can see the amendable. @throws NOT_FOUND amendable unknown or not visible
   */
  async list(
    type: AmendableType,
    amendableId: string,
    viewer: Viewer | null,
  ): Promise<AmendmentDto[]> {
    const amendable = await this.visibleAmendable(type, amendableId, viewer);
    const owner = await this.isOwner(viewer, amendable);
    const onlyOwn =
      amendmentSettingsOf(amendable.settings).amendmentsVisibility === 'ONLY_OWN' && !owner;
    if (onlyOwn && !viewer) return [];
    const moderator = await this.texts.canModerate(viewer, amendable.spaceId);
    const rows: AmendmentRow[] = await this.dataSource.query(
      `${SELECT_AMENDMENT} WHERE am.amendable_type = $1 AND am.amendable_id = $2 ${moderator ? '' : 'AND am.hidden_at IS NULL'} ${onlyOwn ? 'AND am.author_id = $3' : ''} ORDER BY am.created_at, am.id`,
      onlyOwn ? [type, amendableId, viewer!.user.id] : [type, amendableId],
    );
    return this.present(rows, amendable, viewer, owner);
  }

  /** One amendment. Access: as {@link list}. @throws NOT_FOUND unknown, hidden by moderation (except for the space's moderators) or not visible to the caller */
  async byId(id: string, viewer: Viewer | null): Promise<AmendmentDto> {
    const row = await this.loadRow(this.dataSource.manager, id);
    const amendable = await this.visibleAmendable(row.amendable_type, row.amendable_id, viewer);
    if (row.hidden_at && !(await this.texts.canModerate(viewer, amendable.spaceId)))
      throw DomainError.notFound('Amendement', { id }).inEnglish('Amendment not found.');
    const owner = await this.isOwner(viewer, amendable);
    if (
      amendmentSettingsOf(amendable.settings).amendmentsVisibility === 'ONLY_OWN' &&
      !owner &&
      row.author_id !== viewer?.user.id
    ) {
      throw DomainError.notFound('Amendement', { id }).inEnglish('Amendment not found.');
    }
    return (await this.present([row], amendable, viewer, owner))[0];
  }

  /**
   * Proposes an emendation of an article or a proposal at its current version (stored as the
   * base version); it is published for evaluation at once (EVALUATING); its author follows it.
   * Access: signed-in participants.
   * @throws NOT_FOUND amendable unknown, hidden, or an unpublished text; FORBIDDEN amendments
   *         disabled; CONFLICT proposal withdrawn; BAD_USER_INPUT title 15–150, empty or too long
   *         body (10,000 characters for articles, 3,000 of text for proposals), or unchanged text
   */
  async create(input: CreateAmendmentInput, viewer: Viewer): Promise<AmendmentDto> {
    const visible = await this.visibleAmendable(input.amendableType, input.amendableId, viewer);
    if (!amendmentSettingsOf(visible.settings).amendmentsEnabled)
      throw DomainError.forbidden(
        'Les amendements sont fermés dans cette fonctionnalité.',
      ).inEnglish('Amendments are closed in this feature.');
    const title = this.checkedTitle(input.title);
    const body = this.checkedBody(input.amendableType, input.body);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const amendable = await this.lockAmendable(
        manager,
        input.amendableType,
        input.amendableId,
        'SHARE',
      );
      if (amendable.withdrawn)
        throw DomainError.conflict(
          'Cette proposition a été retirée : elle ne peut plus être amendée.',
        ).inEnglish('This proposal has been withdrawn: it can no longer be amended.');
      this.checkChanged(amendable, title, body);
      const [{ id }] = await manager.query(
        `INSERT INTO amendments (amendable_type, amendable_id, component_id, space_id, author_id, title, body, base_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          amendable.type,
          amendable.id,
          amendable.componentId,
          amendable.spaceId,
          viewer.user.id,
          title,
          body,
          amendable.version,
        ],
      );
      await this.follows.followInTransaction(manager, viewer.user.id, 'AMENDMENT', id);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: amendable.spaceId,
        visibility: 'PUBLIC',
        summary: `Amendement « ${title} » proposé (${amendable.type === 'ARTICLE' ? 'article' : 'proposition'}, version ${amendable.version})`,
      });
      await this.events.record(
        manager,
        'amendment.created',
        {
          amendmentId: id,
          amendableType: amendable.type,
          amendableId: amendable.id,
          componentId: amendable.componentId,
          spaceId: amendable.spaceId,
          title,
          amendableAuthorId: amendable.authorId,
        },
        viewer.user.id,
      );
      return id as string;
    });
    this.events.committed();
    return this.byId(id, viewer);
  }

  /**
   * Rebases one's pending amendment onto the amendable's current version with a new text
   * (clears `outdated`). Access: the amendment's author.
   * @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT not EVALUATING; BAD_USER_INPUT as {@link create}
   */
  async update(id: string, input: UpdateAmendmentInput, viewer: Viewer): Promise<AmendmentDto> {
    const first = await this.loadRow(this.dataSource.manager, id);
    const body = this.checkedBody(first.amendable_type, input.body);
    const title =
      input.title !== undefined && input.title !== null
        ? this.checkedTitle(input.title)
        : undefined;
    await inTransaction(this.dataSource, async (manager) => {
      const amendable = await this.lockAmendable(
        manager,
        first.amendable_type,
        first.amendable_id,
        'SHARE',
      );
      const row = await this.loadRow(manager, id, true);
      refuseHidden(row);
      if (row.author_id !== viewer.user.id)
        throw DomainError.forbidden('Seul l’auteur peut modifier son amendement.').inEnglish(
          'Only the author can edit their amendment.',
        );
      if (row.state !== 'EVALUATING')
        throw DomainError.conflict(
          'Seul un amendement en cours d’évaluation peut être modifié.',
        ).inEnglish('Only an amendment under evaluation can be edited.');
      this.checkChanged(amendable, title ?? row.title, body);
      await manager.query(
        `UPDATE amendments SET title = $2, body = $3, base_version = $4, outdated = false, updated_at = now() WHERE id = $1`,
        [id, title ?? row.title, body, amendable.version],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Amendement mis à jour sur la version ${amendable.version}`,
      });
    });
    return this.byId(id, viewer);
  }

  /** Withdraws one's amendment. Access: its author. @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT not pending */
  async withdraw(id: string, viewer: Viewer): Promise<AmendmentDto> {
    const first = await this.loadRow(this.dataSource.manager, id);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockAmendable(manager, first.amendable_type, first.amendable_id, 'SHARE');
      const row = await this.loadRow(manager, id, true);
      refuseHidden(row);
      if (row.author_id !== viewer.user.id)
        throw DomainError.forbidden('Seul l’auteur peut retirer son amendement.').inEnglish(
          'Only the author can withdraw their amendment.',
        );
      if (row.state !== 'EVALUATING' && row.state !== 'DRAFT')
        throw DomainError.conflict('Cet amendement n’est plus en cours d’évaluation.').inEnglish(
          'This amendment is no longer under evaluation.',
        );
      await manager.query(
        `UPDATE amendments SET state = 'WITHDRAWN', updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'withdraw',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: 'Amendement retiré',
      });
    });
    return this.byId(id, viewer);
  }

  /**
   * Accepts an amendment: the amendable takes the emendation's text as a new version (number,
   * the amendment's author, the amendment id, the time) in the same transaction, and the other
   * pending amendments of the same amendable are marked outdated.
   * Access: whoever owns the amendable — the proposal's author (the space's moderators for an
   * official proposal without author); the space's moderators and admins for an article.
   * @throws NOT_FOUND (also hidden, for a non-moderator); CONFLICT `reason: HIDDEN` hidden (moderators); FORBIDDEN not an owner, or the amendment's author; CONFLICT not EVALUATING (e.g. accepted twice) or
   *         written against an older version than the current one (rebase it first)
   */
  async accept(id: string, viewer: Viewer): Promise<AmendmentDto> {
    const first = await this.loadRow(this.dataSource.manager, id);
    const accepted = await inTransaction(this.dataSource, async (manager) => {
      const amendable = await this.lockAmendable(
        manager,
        first.amendable_type,
        first.amendable_id,
        'UPDATE',
      );
      if (!(await this.isOwner(viewer, amendable)))
        throw DomainError.forbidden(
          'Seul le propriétaire du contenu amendé peut accepter un amendement.',
        ).inEnglish('Only the owner of the amended content can accept an amendment.');
      const row = await this.loadRow(manager, id, true);
      await this.refuseHiddenAnswer(row, viewer, amendable);
      if (row.state !== 'EVALUATING')
        throw DomainError.conflict('Cet amendement n’est plus en cours d’évaluation.').inEnglish(
          'This amendment is no longer under evaluation.',
        );
      if (row.author_id === viewer.user.id)
        throw DomainError.forbidden(
          'Vous ne pouvez pas accepter votre propre amendement : un autre responsable du texte en décide.',
        ).inEnglish(
          'You cannot accept your own amendment: another person responsible for the text decides.',
        );
      if (row.base_version !== amendable.version) {
        throw DomainError.conflict(
          'Le texte a changé depuis cet amendement : il doit être mis à jour avant d’être accepté.',
          { currentVersion: amendable.version },
        ).inEnglish(
          'The text has changed since this amendment: it must be updated before being accepted.',
        );
      }
      const version = amendable.version + 1;
      if (amendable.type === 'ARTICLE') {
        await manager.query(
          `UPDATE text_articles SET body = $2, version = $3, updated_at = now() WHERE id = $1`,
          [amendable.id, row.body, version],
        );
        await manager.query(
          `INSERT INTO article_versions (article_id, version, body, author_id, amendment_id) VALUES ($1, $2, $3, $4, $5)`,
          [amendable.id, version, row.body, row.author_id, row.id],
        );
      } else {
        await this.proposalAmendments.applyAmendment(manager, amendable.id, {
          title: row.title,
          body: row.body,
          version,
          authorId: row.author_id,
          amendmentId: row.id,
        });
      }
      const [answered] = await queryRows<Pick<AmendmentRow, 'state' | 'answered_at'>>(
        manager,
        `UPDATE amendments SET state = 'ACCEPTED', answered_at = now(), answered_by = $2, updated_at = now() WHERE id = $1
         RETURNING state, answered_at`,
        [id, viewer.user.id],
      );
      const outdated = await queryRows<{ author_id: string | null }>(
        manager,
        `UPDATE amendments SET outdated = true, updated_at = now()
          WHERE amendable_type = $1 AND amendable_id = $2 AND id <> $3 AND state IN ('DRAFT', 'EVALUATING') AND base_version < $4
          RETURNING author_id`,
        [amendable.type, amendable.id, id, version],
      );
      await this.events.record(
        manager,
        'amendment.stateChanged',
        {
          amendmentId: id,
          amendableType: amendable.type,
          amendableId: amendable.id,
          componentId: amendable.componentId,
          spaceId: amendable.spaceId,
          title: row.title,
          state: 'ACCEPTED',
          authorId: row.author_id,
          outdatedAuthorIds: outdated.map((o) => o.author_id).filter((a): a is string => !!a),
        },
        viewer.user.id,
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'accept',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: amendable.spaceId,
        visibility: 'PUBLIC',
        summary: `Amendement accepté : version ${version}`,
      });
      // the answer is built from what this transaction wrote (the amendment is not read again)
      return {
        row: { ...row, ...answered },
        amendable: {
          ...amendable,
          version,
          body: row.body,
          title: amendable.type === 'PROPOSAL' ? row.title : amendable.title,
        },
      };
    });
    this.events.committed();
    // the viewer owns the amendable (checked above), so the amendment is visible to them
    return (await this.present([accepted.row], accepted.amendable, viewer, true))[0];
  }

  /**
   * Rejects an amendment with a reason. Access: the amendable's owners (as {@link accept}).
   * @throws NOT_FOUND (also hidden, for a non-moderator); CONFLICT `reason: HIDDEN` hidden (moderators); FORBIDDEN not an owner, or the amendment's author; CONFLICT not EVALUATING; BAD_USER_INPUT empty or over 5,000 characters
   */
  async reject(id: string, reason: string, viewer: Viewer): Promise<AmendmentDto> {
    const clean = richTextToPlain(sanitizeRichText(reason ?? ''));
    if (!hasVisibleText(clean))
      throw DomainError.badInput('Un refus doit être motivé.', { field: 'reason' }).inEnglish(
        'A rejection must give its reason.',
      );
    if (clean.length > AmendmentLimits.reasonMax)
      throw DomainError.badInput('5 000 caractères au plus.', { field: 'reason' }).inEnglish(
        'At most 5,000 characters.',
      );
    const first = await this.loadRow(this.dataSource.manager, id);
    await inTransaction(this.dataSource, async (manager) => {
      const amendable = await this.lockAmendable(
        manager,
        first.amendable_type,
        first.amendable_id,
        'SHARE',
      );
      if (!(await this.isOwner(viewer, amendable)))
        throw DomainError.forbidden(
          'Seul le propriétaire du contenu amendé peut refuser un amendement.',
        ).inEnglish('Only the owner of the amended content can reject an amendment.');
      const row = await this.loadRow(manager, id, true);
      await this.refuseHiddenAnswer(row, viewer, amendable);
      if (row.state !== 'EVALUATING')
        throw DomainError.conflict('Cet amendement n’est plus en cours d’évaluation.').inEnglish(
          'This amendment is no longer under evaluation.',
        );
      if (row.author_id === viewer.user.id)
        throw DomainError.forbidden(
          'Vous ne pouvez pas refuser votre propre amendement : retirez-le.',
        ).inEnglish('You cannot reject your own amendment: withdraw it instead.');
      await manager.query(
        `UPDATE amendments SET state = 'REJECTED', rejection_reason = $2, answered_at = now(), answered_by = $3, updated_at = now() WHERE id = $1`,
        [id, clean, viewer.user.id],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'reject',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: amendable.spaceId,
        visibility: 'PUBLIC',
        summary: 'Amendement refusé',
      });
      await this.events.record(
        manager,
        'amendment.stateChanged',
        {
          amendmentId: id,
          amendableType: amendable.type,
          amendableId: amendable.id,
          componentId: amendable.componentId,
          spaceId: amendable.spaceId,
          title: row.title,
          state: 'REJECTED',
          authorId: row.author_id,
          outdatedAuthorIds: [],
        },
        viewer.user.id,
      );
    });
    this.events.committed();
    return this.byId(id, viewer);
  }

  /**
   * Turns one's rejected emendation into a new proposal in the space's first PROPOSALS component
   * (by position), with the same dense position index logic as `ProposalService.create` (the
   * component row lock serialises it). Decidim's "promote". Access: the amendment's author.
   * @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT not REJECTED, already promoted, or no
   *         PROPOSALS component in the space
   */
  async promote(id: string, viewer: Viewer): Promise<AmendmentDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.loadRow(manager, id, true);
      refuseHidden(row);
      if (row.author_id !== viewer.user.id)
        throw DomainError.forbidden('Seul l’auteur peut promouvoir son amendement.').inEnglish(
          'Only the author can promote their amendment.',
        );
      if (row.state !== 'REJECTED')
        throw DomainError.conflict(
          'Seul un amendement refusé peut devenir une proposition.',
        ).inEnglish('Only a rejected amendment can become a proposal.');
      if (row.promoted_proposal_id)
        throw DomainError.conflict('Cet amendement a déjà été promu en proposition.').inEnglish(
          'This amendment has already been promoted to a proposal.',
        );
      const [component] = await manager.query(
        `SELECT id FROM components WHERE space_id = $1 AND type = $2 ORDER BY position, created_at LIMIT 1 FOR UPDATE`,
        [row.space_id, ComponentType.PROPOSALS],
      );
      if (!component)
        throw DomainError.conflict(
          'Cet espace n’a pas de fonctionnalité de propositions.',
        ).inEnglish('This space has no proposals feature.');
      const body = row.amendable_type === 'ARTICLE' ? sanitizeRichText(row.body) : row.body;
      const proposalId = await this.proposalAmendments.createPromoted(manager, {
        componentId: component.id,
        authorId: viewer.user.id,
        title: row.title,
        body,
      });
      await manager.query(
        `UPDATE amendments SET promoted_proposal_id = $2, updated_at = now() WHERE id = $1`,
        [id, proposalId],
      );
      await this.follows.followInTransaction(manager, viewer.user.id, 'PROPOSAL', proposalId);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'promote',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Amendement refusé promu en proposition « ${row.title} »`,
      });
    });
    return this.byId(id, viewer);
  }

  /**
   * Supports a pending amendment (once per participant: a primary key holds it).
   * Access: signed-in participants who can see it. @throws NOT_FOUND; CONFLICT not EVALUATING or already supported
   */
  async support(id: string, viewer: Viewer): Promise<AmendmentDto> {
    await this.byId(id, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.loadRow(manager, id, true);
      refuseHidden(row);
      if (row.state !== 'EVALUATING')
        throw DomainError.conflict(
          'Seul un amendement en cours d’évaluation peut être soutenu.',
        ).inEnglish('Only an amendment under evaluation can be supported.');
      const inserted = await manager.query(
        `INSERT INTO amendment_supports (amendment_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [id, viewer.user.id],
      );
      if (!inserted.length)
        throw DomainError.conflict('Vous soutenez déjà cet amendement.').inEnglish(
          'You already support this amendment.',
        );
      await manager.query(
        `UPDATE amendments SET supports_count = supports_count + 1 WHERE id = $1`,
        [id],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'support',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PRIVATE',
      });
    });
    return this.byId(id, viewer);
  }

  /** Withdraws one's support. Access: signed-in participants. @throws NOT_FOUND; CONFLICT not supported */
  async unsupport(id: string, viewer: Viewer): Promise<AmendmentDto> {
    await this.byId(id, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.loadRow(manager, id, true);
      const deleted = await queryRows(
        manager,
        `DELETE FROM amendment_supports WHERE amendment_id = $1 AND user_id = $2 RETURNING 1`,
        [id, viewer.user.id],
      );
      if (!deleted.length)
        throw DomainError.conflict('Vous ne soutenez pas cet amendement.').inEnglish(
          'You do not support this amendment.',
        );
      await manager.query(
        `UPDATE amendments SET supports_count = supports_count - 1 WHERE id = $1`,
        [id],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'unsupport',
        resourceType: 'amendment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PRIVATE',
      });
    });
    return this.byId(id, viewer);
  }

  /**
   * Every version of an article or a proposal, oldest first (a proposal never amended has one,
   * its current text). Access: anyone who can see it. @throws NOT_FOUND
   */
  async versions(
    type: AmendableType,
    id: string,
    viewer: Viewer | null,
  ): Promise<ResourceVersionDto[]> {
    const amendable = await this.visibleAmendable(type, id, viewer);
    const rows: {
      version: number;
      text: string;
      author_id: string | null;
      author_name: string | null;
      amendment_id: string | null;
      created_at: Date;
      title?: string;
    }[] =
      type === 'ARTICLE'
        ? await this.dataSource.query(
            `SELECT v.version, v.body AS text, v.author_id, u.name AS author_name, v.amendment_id, v.created_at
               FROM article_versions v LEFT JOIN users u ON u.id = v.author_id WHERE v.article_id = $1 ORDER BY v.version`,
            [id],
          )
        : await this.proposalAmendments.versions(id);
    if (type === 'PROPOSAL' && !rows.length) {
      const p = await this.proposalAmendments.original(id);
      rows.push({
        version: 1,
        title: amendable.title!,
        text: amendable.body,
        author_id: amendable.authorId,
        author_name: p?.authorName ?? null,
        amendment_id: null,
        created_at: p!.publishedAt,
      });
    }
    return rows.map((r) => ({
      version: r.version,
      text: type === 'ARTICLE' ? r.text : proposalText(r.title!, r.text),
      author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
      amendmentId: r.amendment_id,
      createdAt: r.created_at,
    }));
  }

  /**
   * Word-level diff (jsdiff's `diffWords`) between two versions of an article or a proposal.
   * Access: anyone who can see it. @throws NOT_FOUND resource or version unknown
   */
  async versionDiff(
    type: AmendableType,
    id: string,
    from: number,
    to: number,
    viewer: Viewer | null,
  ): Promise<DiffPartDto[]> {
    const versions = await this.versions(type, id, viewer);
    const a = versions.find((v) => v.version === from);
    const b = versions.find((v) => v.version === to);
    if (!a || !b)
      throw DomainError.notFound('Version', { from, to }).inEnglish('Version not found.');
    return this.diff(a.text, b.text);
  }

  /** jsdiff's diffWords as GraphQL parts. */
  diff(before: string, after: string): DiffPartDto[] {
    return diffWords(before, after).map((p) => ({
      value: p.value,
      added: !!p.added,
      removed: !!p.removed,
    }));
  }

  private async present(
    rows: AmendmentRow[],
    amendable: Amendable,
    viewer: Viewer | null,
    owner: boolean,
  ): Promise<AmendmentDto[]> {
    const versions = rows.length ? await this.versions(amendable.type, amendable.id, viewer) : [];
    const textAt = new Map(versions.map((v) => [v.version, v.text]));
    const currentText =
      textAt.get(amendable.version) ??
      (amendable.type === 'ARTICLE'
        ? amendable.body
        : proposalText(amendable.title!, amendable.body));
    const supported = new Set<string>();
    const reported =
      viewer && rows.length
        ? await this.moderation.reportedAmong(
            viewer.user.id,
            'AMENDMENT',
            rows.map((r) => r.id),
          )
        : new Set<string>();
    if (viewer && rows.length) {
      const s: { amendment_id: string }[] = await this.dataSource.query(
        `SELECT amendment_id FROM amendment_supports WHERE user_id = $1 AND amendment_id = ANY($2::uuid[])`,
        [viewer.user.id, rows.map((r) => r.id)],
      );
      s.forEach((x) => supported.add(x.amendment_id));
    }
    return rows.map((r) => {
      const baseText = textAt.get(r.base_version) ?? currentText;
      const emendation = r.amendable_type === 'ARTICLE' ? r.body : proposalText(r.title, r.body);
      return {
        id: r.id,
        amendableType: r.amendable_type,
        amendableId: r.amendable_id,
        componentId: r.component_id,
        title: r.title,
        body: r.body,
        baseVersion: r.base_version,
        currentVersion: amendable.version,
        state: r.state,
        outdated: r.outdated,
        rejectionReason: r.rejection_reason,
        author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
        supportsCount: r.supports_count,
        commentsCount: r.comments_count,
        promotedProposalId: r.promoted_proposal_id,
        createdAt: r.created_at,
        answeredAt: r.answered_at,
        answeredBy:
          r.answered_by && r.answered_by_name
            ? { id: r.answered_by, name: r.answered_by_name }
            : null,
        baseText,
        currentText,
        diff: this.diff(baseText, emendation),
        viewerIsAuthor: !!viewer && r.author_id === viewer.user.id,
        // an owner answers others' amendments, never their own (they may withdraw it)
        viewerCanAnswer: owner && !(!!viewer && r.author_id === viewer.user.id),
        viewerSupports: supported.has(r.id),
        hidden: r.hidden_at !== null,
        viewerReported: reported.has(r.id),
      };
    });
  }

  /**
   * The amendable if the viewer may see it; articles only in a published text (also used to
   * guard an article's public history).
   * @throws NOT_FOUND unknown or not visible; BAD_USER_INPUT malformed id
   */
  async visibleAmendable(
    type: AmendableType,
    id: string,
    viewer: Viewer | null,
  ): Promise<Amendable> {
    const amendable = await this.readAmendable(this.dataSource.manager, type, id);
    if (type === 'ARTICLE') {
      await this.texts.textComponent(amendable.componentId, viewer);
      if (!amendable.published)
        throw DomainError.notFound('Article', { id }).inEnglish('Article not found.');
    } else {
      await this.proposals.byId(id, viewer);
    }
    return amendable;
  }

  private async lockAmendable(
    manager: EntityManager,
    type: AmendableType,
    id: string,
    mode: 'SHARE' | 'UPDATE',
  ): Promise<Amendable> {
    return this.readAmendable(manager, type, id, mode);
  }

  private async readAmendable(
    manager: EntityManager,
    type: AmendableType,
    id: string,
    lock?: 'SHARE' | 'UPDATE',
  ): Promise<Amendable> {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'amendableId' }).inEnglish(
        'Invalid identifier.',
      );
    if (type === 'ARTICLE') {
      const [a] = await manager.query(
        `SELECT a.id, a.component_id, c.space_id, c.settings, a.version, a.body, t.published_at
           FROM text_articles a JOIN participatory_texts t ON t.component_id = a.component_id JOIN components c ON c.id = a.component_id
          WHERE a.id = $1 ${lock ? `FOR ${lock} OF a` : ''}`,
        [id],
      );
      if (!a || (lock && !a.published_at))
        throw DomainError.notFound('Article', { id }).inEnglish('Article not found.');
      return {
        type,
        id,
        componentId: a.component_id,
        spaceId: a.space_id,
        settings: a.settings,
        version: a.version,
        body: a.body,
        title: null,
        authorId: null,
        withdrawn: false,
        published: !!a.published_at,
      };
    }
    const p = await this.proposalAmendments.amendable(manager, id, lock);
    if (!p) throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
    return {
      type,
      id,
      componentId: p.componentId,
      spaceId: p.spaceId,
      settings: p.settings,
      version: p.version,
      body: p.body,
      title: p.title,
      authorId: p.authorId,
      withdrawn: p.withdrawn,
      published: true,
    };
  }

  private async loadRow(manager: EntityManager, id: string, lock = false): Promise<AmendmentRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await manager.query(
      `${SELECT_AMENDMENT} WHERE am.id = $1 ${lock ? 'FOR UPDATE OF am' : ''}`,
      [id],
    );
    if (!row) throw DomainError.notFound('Amendement', { id }).inEnglish('Amendment not found.');
    return row;
  }

  /**
   * A hidden amendment is neither accepted nor rejected until a moderator shows it again: the
   * space's moderators are told why (CONFLICT `reason: HIDDEN`); for anyone else (a proposal's
   * author) it does not exist (NOT_FOUND), as in the lists.
   */
  private async refuseHiddenAnswer(
    row: AmendmentRow,
    viewer: Viewer,
    amendable: Amendable,
  ): Promise<void> {
    if (!row.hidden_at) return;
    if (!(await this.texts.canModerate(viewer, amendable.spaceId)))
      throw DomainError.notFound('Amendement', { id: row.id }).inEnglish('Amendment not found.');
    throw DomainError.conflict(
      'Cet amendement est masqué par la modération : il ne peut être ni accepté ni refusé avant d’être rétabli.',
      { reason: 'HIDDEN' },
    ).inEnglish(
      'This amendment is hidden by moderation: it can be neither accepted nor rejected until shown again.',
    );
  }

  /** Owners: an article's space moderators/admins; a proposal's author (moderators when it has none). */
  private async isOwner(viewer: Viewer | null, amendable: Amendable): Promise<boolean> {
    if (!viewer) return false;
    if (amendable.type === 'PROPOSAL' && amendable.authorId)
      return amendable.authorId === viewer.user.id;
    return this.texts.canModerate(viewer, amendable.spaceId);
  }

  private checkedTitle(title: string): string {
    const clean = trimText(richTextToPlain(sanitizeRichText(title ?? '')));
    if (
      !hasVisibleText(clean) ||
      clean.length < AmendmentLimits.titleMin ||
      clean.length > AmendmentLimits.titleMax
    ) {
      throw DomainError.badInput(
        `Entre ${AmendmentLimits.titleMin} et ${AmendmentLimits.titleMax} caractères.`,
        { field: 'title' },
      ).inEnglish(`${AmendmentLimits.titleMin} to ${AmendmentLimits.titleMax} characters.`);
    }
    return clean;
  }

  private checkedBody(type: AmendableType, body: string): string {
    if (type === 'ARTICLE') {
      const clean = cleanMarkdown(body ?? '');
      if (!hasVisibleText(clean)) throw emptyBody();
      if (clean.length > AmendmentLimits.articleBodyMax)
        throw DomainError.badInput('10 000 caractères au plus.', { field: 'body' }).inEnglish(
          'At most 10,000 characters.',
        );
      return clean;
    }
    const html = sanitizeRichText(body ?? '');
    const text = richTextToPlain(html);
    if (!hasVisibleText(text)) throw emptyBody();
    if (text.length > AmendmentLimits.proposalBodyMax)
      throw DomainError.badInput('3 000 caractères au plus.', { field: 'body' }).inEnglish(
        'At most 3,000 characters.',
      );
    return html;
  }

  private checkChanged(amendable: Amendable, title: string, body: string) {
    // compared as readers see them: white space and invisible characters do not make a change
    const plain = (text: string) =>
      comparableText(amendable.type === 'ARTICLE' ? text : richTextToPlain(text));
    const sameBody = plain(amendable.body) === plain(body);
    const same =
      amendable.type === 'ARTICLE'
        ? sameBody
        : sameBody && comparableText(amendable.title ?? '') === comparableText(title);
    if (same)
      throw DomainError.badInput('L’amendement ne change rien au texte actuel.', {
        field: 'body',
      }).inEnglish('The amendment changes nothing in the current text.');
  }
}
