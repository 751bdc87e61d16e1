import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A proposal as an amendment sees it: where it lives, its current version and text, who owns it. */
export interface AmendableProposal {
  id: string;
  componentId: string;
  spaceId: string;
  /** The component's settings (amendment settings live there). */
  settings: Record<string, unknown>;
  version: number;
  title: string;
  /** Sanitised HTML. */
  body: string;
  authorId: string | null;
  withdrawn: boolean;
}

/** One recorded version of a proposal (`proposal_versions`), with its author's display name. */
export interface ProposalVersionRow {
  version: number;
  title: string;
  /** Sanitised HTML body of that version. */
  text: string;
  author_id: string | null;
  author_name: string | null;
  amendment_id: string | null;
  created_at: Date;
}

/**
 * What the amendment capability (participatory-text's `AmendmentService`) asks of proposals:
 * read and lock the amended proposal, rewrite it when an amendment is accepted (recording its
 * versions), list its versions, and create the proposal a rejected amendment is promoted to.
 * The writes run in the caller's transaction, so they commit with the amendment's own change.
 */
@Injectable()
export class ProposalAmendmentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A proposal with its component's space and settings, or null when unknown.
   * @param manager the caller's transaction (or the data source's manager)
   * @param id the proposal
   * @param lock take `FOR SHARE` or `FOR UPDATE` on the proposal row until the transaction ends
   */
  async amendable(
    manager: EntityManager,
    id: string,
    lock?: 'SHARE' | 'UPDATE',
  ): Promise<AmendableProposal | null> {
    const [p] = await manager.query(
      `SELECT p.id, p.component_id, c.space_id, c.settings, p.version, p.title, p.body, p.author_id, p.withdrawn_at
         FROM proposals p JOIN components c ON c.id = p.component_id WHERE p.id = $1 ${lock ? `FOR ${lock} OF p` : ''}`,
      [id],
    );
    if (!p) return null;
    return {
      id: p.id,
      componentId: p.component_id,
      spaceId: p.space_id,
      settings: p.settings,
      version: p.version,
      title: p.title,
      body: p.body,
      authorId: p.author_id,
      withdrawn: !!p.withdrawn_at,
    };
  }

  /**
   * Rewrites a proposal with an accepted amendment: records its original text as version 1 when
   * no version was recorded yet, then sets the new title, body and version and records it.
   * The caller holds the proposal's row lock and has checked the amendment's base version.
   * @param manager the caller's transaction
   * @param proposalId the amended proposal
   * @param change the new title and (sanitised HTML) body, the new version number, the
   *        amendment's author and id
   */
  async applyAmendment(
    manager: EntityManager,
    proposalId: string,
    change: {
      title: string;
      body: string;
      version: number;
      authorId: string | null;
      amendmentId: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO proposal_versions (proposal_id, version, title, body, author_id, created_at)
       SELECT id, 1, title, body, author_id, published_at FROM proposals WHERE id = $1 ON CONFLICT DO NOTHING`,
      [proposalId],
    );
    await manager.query(
      `UPDATE proposals SET title = $2, body = $3, version = $4, updated_at = now() WHERE id = $1`,
      [proposalId, change.title, change.body, change.version],
    );
    await manager.query(
      `INSERT INTO proposal_versions (proposal_id, version, title, body, author_id, amendment_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [proposalId, change.version, change.title, change.body, change.authorId, change.amendmentId],
    );
  }

  /**
   * The recorded versions of a proposal, oldest first ([] when it was never amended: see
   * {@link original}). Access is the caller's to check.
   * @param proposalId the proposal
   */
  async versions(proposalId: string): Promise<ProposalVersionRow[]> {
    const rows: ProposalVersionRow[] = await this.dataSource.query(
      `SELECT v.version, v.title, v.body AS text, v.author_id, u.name AS author_name, v.amendment_id, v.created_at
         FROM proposal_versions v LEFT JOIN users u ON u.id = v.author_id WHERE v.proposal_id = $1 ORDER BY v.version`,
      [proposalId],
    );
    return rows;
  }

  /**
   * When a proposal was published and its author's display name (the original version of a
   * proposal never amended), or null when unknown.
   * @param proposalId the proposal
   */
  async original(
    proposalId: string,
  ): Promise<{ publishedAt: Date; authorName: string | null } | null> {
    const [p] = await this.dataSource.query(
      `SELECT p.published_at, u.name FROM proposals p LEFT JOIN users u ON u.id = p.author_id WHERE p.id = $1`,
      [proposalId],
    );
    return p ? { publishedAt: p.published_at, authorName: p.name ?? null } : null;
  }

  /**
   * Creates the proposal a rejected amendment is promoted to, last in its component (dense
   * position index, as `ProposalService.create`). The caller holds the component row's lock,
   * which serialises the position index.
   * @param manager the caller's transaction
   * @param input the PROPOSALS component, the author, the title and the sanitised HTML body
   * @returns the new proposal's id
   */
  async createPromoted(
    manager: EntityManager,
    input: { componentId: string; authorId: string; title: string; body: string },
  ): Promise<string> {
    const [{ next }] = await manager.query(
      `SELECT coalesce(max(position_index) + 1, 0) AS next FROM proposals WHERE component_id = $1`,
      [input.componentId],
    );
    const [{ id }] = await manager.query(
      `INSERT INTO proposals (component_id, author_id, official, title, body, position_index) VALUES ($1, $2, false, $3, $4, $5) RETURNING id`,
      [input.componentId, input.authorId, input.title, input.body, Number(next)],
    );
    return id;
  }
}
