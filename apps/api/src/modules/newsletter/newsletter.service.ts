import { ErrorCode } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { hasVisibleText } from '../../common/validation/visible-text';
import { UUID_PATTERN } from '../../platform/component-resource';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { ProfileService } from '../profile/profile.service';
import {
  NewsletterAudience,
  NewsletterBlock,
  NewsletterDto,
  NewsletterInput,
  NewsletterLimits,
  NewsletterPreviewDto,
  NewsletterProgressDto,
  NewsletterStatus,
  NewsletterSubscriptionDto,
} from './dtos/newsletter.dto';
import { NewsletterContent, RenderedNewsletter } from './newsletter-content';
import { NewsletterSender } from './newsletter.sender';

/** A newsletters row. */
interface NewsletterRow {
  id: string;
  subject: string;
  body: string;
  blocks: NewsletterBlock[];
  audience: NewsletterAudience;
  space_ids: string[];
  typology_keys: string[];
  status: NewsletterStatus;
  rendered_html: string | null;
  rendered_text: string | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
  send_requested_at: Date | null;
  completed_at: Date | null;
}

/** How a member's choice was last changed (kept with it). */
export type SubscriptionChange = 'SIGN_UP' | 'ACCOUNT' | 'ONE_CLICK' | 'PAGE';

const notFound = (id: string) =>
  DomainError.notFound('Lettre d’information', { id }).inEnglish('Newsletter not found.');
const notADraft = (status: string) =>
  DomainError.conflict(
    status === NewsletterStatus.DRAFT
      ? 'Cette lettre est un brouillon.'
      : 'Cette lettre a déjà été envoyée : elle ne peut plus être modifiée ni supprimée.',
    { reason: 'NOT_A_DRAFT' },
  ).inEnglish(
    status === NewsletterStatus.DRAFT
      ? 'This newsletter is a draft.'
      : 'This newsletter has already been sent: it can no longer be edited or deleted.',
  );

/**
 * Newsletters (« Lettre d’information »): drafts composed by organization admins, their
 * recipients, preview, test mail and « envoyer »; members' opt-in and unsubscription.
 *
 * - **Consent** is opt-in: a member without a `newsletter_subscriptions` row, or with
 *   `subscribed = false`, never receives one. The row also holds the member's random unsubscribe
 *   token, created with the row and never shown to anyone else.
 * - **Recipients** = subscribed live accounts ∩ the audience (ALL; followers of chosen spaces,
 *   asked of `FollowService`; members of chosen typologies, asked of `ProfileService`).
 * - **Send** ({@link send}): under the newsletter's row lock, a DRAFT becomes SENDING, its
 *   content is rendered and frozen, and the recipients are copied into `newsletter_deliveries`
 *   (unique per newsletter and member), all in one transaction — two concurrent sends: the
 *   second waits on the lock, then finds it no longer a draft (CONFLICT `ALREADY_SENT`). No
 *   recipient → `NEWSLETTER_NO_RECIPIENT` and the transaction rolls back. The queue is then
 *   drained by {@link NewsletterSender}.
 */
@Injectable()
export class NewsletterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly follows: FollowService,
    private readonly profiles: ProfileService,
    private readonly content: NewsletterContent,
    private readonly sender: NewsletterSender,
  ) {}

  // ── admin ──

  /** Every newsletter, most recent first, with its progress. Caller: organization admins. */
  async list(): Promise<NewsletterDto[]> {
    const rows = await queryRows<NewsletterRow>(
      this.dataSource.manager,
      `SELECT * FROM newsletters ORDER BY created_at DESC, id LIMIT 500`,
    );
    return this.present(rows);
  }

  /** One newsletter. Caller: organization admins. @throws NOT_FOUND */
  async get(id: string): Promise<NewsletterDto> {
    return (await this.present([await this.row(this.dataSource.manager, id)]))[0];
  }

  /**
   * Creates a draft. Caller: organization admins.
   * @throws BAD_USER_INPUT subject or body missing or without visible text, body too long,
   *   audience without its spaces or typologies, an unknown space or typology (field named)
   */
  async create(input: NewsletterInput, viewer: Viewer): Promise<NewsletterDto> {
    if (input.subject === undefined) throw required('subject');
    if (input.body === undefined) throw required('body');
    const fields = await this.checked(input, null);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO newsletters (subject, body, blocks, audience, space_ids, typology_keys, created_by)
         VALUES ($1, $2, $3::text[], $4, $5::uuid[], $6::text[], $7) RETURNING id`,
        [
          fields.subject,
          fields.body,
          fields.blocks,
          fields.audience,
          fields.spaceIds,
          fields.typologyKeys,
          viewer.user.id,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'newsletter',
        resourceId: row.id,
        summary: `Lettre d’information « ${fields.subject} » créée (brouillon)`,
      });
      return row.id;
    });
    return this.get(id);
  }

  /**
   * Edits a draft (under its row lock). Caller: organization admins.
   * @throws NOT_FOUND; CONFLICT `NOT_A_DRAFT`; BAD_USER_INPUT as {@link create}
   */
  async update(id: string, input: NewsletterInput, viewer: Viewer): Promise<NewsletterDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const current = await this.row(manager, id, true);
      if (current.status !== NewsletterStatus.DRAFT) throw notADraft(current.status);
      const fields = await this.checked(input, current);
      await manager.query(
        `UPDATE newsletters SET subject = $2, body = $3, blocks = $4::text[], audience = $5, space_ids = $6::uuid[], typology_keys = $7::text[], updated_at = now()
          WHERE id = $1`,
        [
          id,
          fields.subject,
          fields.body,
          fields.blocks,
          fields.audience,
          fields.spaceIds,
          fields.typologyKeys,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'newsletter',
        resourceId: id,
        summary: `Lettre d’information « ${fields.subject} » modifiée`,
      });
    });
    return this.get(id);
  }

  /** Deletes a draft. Caller: organization admins. @throws NOT_FOUND; CONFLICT `NOT_A_DRAFT` @returns true */
  async delete(id: string, viewer: Viewer): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.row(manager, id, true);
      if (current.status !== NewsletterStatus.DRAFT) throw notADraft(current.status);
      await manager.query(`DELETE FROM newsletters WHERE id = $1`, [id]);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'delete',
        resourceType: 'newsletter',
        resourceId: id,
        summary: `Lettre d’information « ${current.subject} » supprimée`,
      });
      return true;
    });
  }

  /**
   * How many members would receive the newsletter now (a draft), or were queued (sent).
   * Caller: organization admins. @throws NOT_FOUND
   */
  async recipientCount(id: string): Promise<number> {
    const row = await this.row(this.dataSource.manager, id);
    if (row.status !== NewsletterStatus.DRAFT) {
      const [n] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1`,
        [id],
      );
      return n.n;
    }
    const ids = await this.audienceIds(this.dataSource.manager, row);
    const [n] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM newsletter_subscriptions s JOIN users u ON u.id = s.user_id
        WHERE s.subscribed AND u.deleted_at IS NULL AND u.email IS NOT NULL AND ($1::uuid[] IS NULL OR s.user_id = ANY($1::uuid[]))`,
      [ids],
    );
    return n.n;
  }

  /**
   * The mail as a recipient gets it (with a placeholder in place of the recipient's unsubscribe
   * token): rendered now for a draft, the frozen content once sent. Caller: organization admins.
   * @throws NOT_FOUND
   */
  async preview(id: string): Promise<NewsletterPreviewDto> {
    const row = await this.row(this.dataSource.manager, id);
    const mail = this.content.personal(await this.rendered(row), '…');
    return { subject: mail.subject, html: mail.html, text: mail.text };
  }

  /**
   * « M'envoyer un test »: the newsletter to the caller's own address, marked « [Test] », not
   * counted anywhere and possible at any status. Caller: organization admins.
   * @throws NOT_FOUND; INTERNAL_SERVER_ERROR never (an SMTP failure: CONFLICT `reason: MAIL_FAILED`)
   * @returns the address it went to
   */
  async sendTest(id: string, viewer: Viewer): Promise<string> {
    const row = await this.row(this.dataSource.manager, id);
    const token = await this.tokenOf(viewer.user.id);
    const mail = this.content.personal(await this.rendered(row), token);
    try {
      await this.sender.sendOne(
        { ...mail, subject: `[Test] ${mail.subject}` },
        viewer.user.email,
        `test-${id}-${Date.now()}`,
      );
    } catch {
      throw DomainError.conflict(
        'Le message de test n’a pas pu être remis au serveur de messagerie ; réessayez plus tard.',
        { reason: 'MAIL_FAILED' },
      ).inEnglish('The test message could not be delivered to the mail server; try again later.');
    }
    return viewer.user.email;
  }

  /**
   * « Envoyer »: freezes the content and the recipients in one transaction (see the class) and
   * wakes the sending worker. Caller: organization admins.
   * @throws NOT_FOUND; CONFLICT `ALREADY_SENT`; NEWSLETTER_NO_RECIPIENT nothing changed
   */
  async send(id: string, viewer: Viewer): Promise<NewsletterDto> {
    const pre = await this.row(this.dataSource.manager, id);
    // rendered before the transaction (other modules' reads); the draft cannot change meanwhile unnoticed: compared under the lock
    const rendered = await this.content.render(pre.subject, pre.body, pre.blocks);
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.row(manager, id, true);
      if (row.status !== NewsletterStatus.DRAFT)
        throw DomainError.conflict('Cette lettre a déjà été envoyée.', {
          reason: 'ALREADY_SENT',
        }).inEnglish('This newsletter has already been sent.');
      if (row.updated_at.getTime() !== pre.updated_at.getTime())
        throw DomainError.conflict(
          'La lettre vient d’être modifiée ; relisez-la avant de l’envoyer.',
          {
            reason: 'CHANGED',
          },
        ).inEnglish('The newsletter has just been edited; read it again before sending it.');
      const ids = await this.audienceIds(manager, row);
      const inserted = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO newsletter_deliveries (newsletter_id, user_id, email, token)
         SELECT $1, s.user_id, u.email, s.token FROM newsletter_subscriptions s JOIN users u ON u.id = s.user_id
          WHERE s.subscribed AND u.deleted_at IS NULL AND u.email IS NOT NULL AND ($2::uuid[] IS NULL OR s.user_id = ANY($2::uuid[]))
          ORDER BY s.user_id
         ON CONFLICT ON CONSTRAINT newsletter_deliveries_once DO NOTHING RETURNING id`,
        [id, ids],
      );
      if (!inserted.length)
        throw new DomainError(
          ErrorCode.NEWSLETTER_NO_RECIPIENT,
          'Aucun membre inscrit à la lettre ne correspond aux destinataires choisis : rien n’a été envoyé.',
          { field: 'audience' },
        ).inEnglish(
          'No opted-in member matches the recipients of this newsletter: nothing was sent.',
        );
      await manager.query(
        `UPDATE newsletters SET status = 'SENDING', send_requested_at = now(), rendered_html = $2, rendered_text = $3, recipients_count = $4 WHERE id = $1`,
        [id, rendered.html, rendered.text, inserted.length],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'send',
        resourceType: 'newsletter',
        resourceId: id,
        summary: `Lettre d’information « ${row.subject} » envoyée à ${inserted.length} membre(s)`,
      });
    });
    this.sender.kick();
    return this.get(id);
  }

  // ── members ──

  /** The caller's choice (not subscribed unless they chose it). Caller: signed-in users. */
  async subscription(userId: string): Promise<NewsletterSubscriptionDto> {
    const [row] = await this.dataSource.query(
      `SELECT subscribed, changed_at FROM newsletter_subscriptions WHERE user_id = $1`,
      [userId],
    );
    return { subscribed: row?.subscribed ?? false, changedAt: row?.changed_at ?? null };
  }

  /**
   * Sets the caller's choice (account settings, sign-up). Caller: signed-in users, for themselves.
   * @param via where the choice was made (kept with it)
   */
  async setSubscription(
    userId: string,
    subscribed: boolean,
    via: SubscriptionChange = 'ACCOUNT',
  ): Promise<NewsletterSubscriptionDto> {
    await this.dataSource.query(
      `INSERT INTO newsletter_subscriptions (user_id, subscribed, changed_via) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET subscribed = EXCLUDED.subscribed, changed_via = EXCLUDED.changed_via, changed_at = now()`,
      [userId, subscribed, via],
    );
    return this.subscription(userId);
  }

  /**
   * Unsubscribes the owner of an unsubscribe token (one-click POST or the confirmation page).
   * Idempotent. Anyone holding the token may call it (that is the point of RFC 8058).
   * @returns false when the token is unknown
   */
  async unsubscribeByToken(token: string, via: 'ONE_CLICK' | 'PAGE'): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(token)) return false;
    const rows = await queryRows<{ user_id: string }>(
      this.dataSource.manager,
      `UPDATE newsletter_subscriptions SET subscribed = false, changed_via = $2, changed_at = CASE WHEN subscribed THEN now() ELSE changed_at END
        WHERE token = $1 RETURNING user_id`,
      [token, via],
    );
    return rows.length > 0;
  }

  /** Creates the member's row (not subscribed) if missing; @returns their token */
  private async tokenOf(userId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO newsletter_subscriptions (user_id) VALUES ($1)
       ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING token`,
      [userId],
    );
    return row.token;
  }

  // ── internals ──

  /** The frozen content of a sent newsletter, or a fresh rendering of a draft. */
  private async rendered(row: NewsletterRow): Promise<RenderedNewsletter> {
    if (row.rendered_html !== null && row.rendered_text !== null)
      return { subject: row.subject, html: row.rendered_html, text: row.rendered_text };
    return this.content.render(row.subject, row.body, row.blocks);
  }

  /** The audience's account ids (null = everyone), asked of the modules that own follows and profiles. */
  private async audienceIds(manager: EntityManager, row: NewsletterRow): Promise<string[] | null> {
    if (row.audience === NewsletterAudience.ALL) return null;
    if (row.audience === NewsletterAudience.TYPOLOGIES)
      return this.profiles.membersWithTypologies(row.typology_keys, manager);
    const ids = new Set<string>();
    for (const spaceId of row.space_ids)
      for (const id of await this.follows.followersOf(manager, 'SPACE', spaceId)) ids.add(id);
    return [...ids];
  }

  private async row(manager: EntityManager, id: string, lock = false): Promise<NewsletterRow> {
    if (!UUID_PATTERN.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await queryRows<NewsletterRow>(
      manager,
      `SELECT * FROM newsletters WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw notFound(id);
    return row;
  }

  /** The draft's fields after `input`, validated and sanitised. */
  private async checked(input: NewsletterInput, current: NewsletterRow | null) {
    const subject = input.subject ?? current?.subject ?? '';
    if (!hasVisibleText(subject))
      throw DomainError.badInput('L’objet de la lettre est obligatoire.', {
        field: 'subject',
      }).inEnglish('The newsletter’s subject is required.');
    let body = current?.body ?? '';
    if (input.body !== undefined) {
      body = sanitizeRichText(input.body);
      const plain = richTextToPlain(body);
      if (!hasVisibleText(plain))
        throw DomainError.badInput('Le texte de la lettre est vide.', { field: 'body' }).inEnglish(
          'The newsletter’s text is empty.',
        );
      if (plain.length > NewsletterLimits.bodyMaxLength)
        throw DomainError.badInput(`${NewsletterLimits.bodyMaxLength} caractères au plus.`, {
          field: 'body',
        }).inEnglish(`At most ${NewsletterLimits.bodyMaxLength} characters.`);
    }
    const blocks = [...new Set(input.blocks ?? current?.blocks ?? [])];
    const audience = input.audience ?? current?.audience ?? NewsletterAudience.ALL;
    const spaceIds = [...new Set(input.spaceIds ?? current?.space_ids ?? [])];
    const typologyKeys = [...new Set(input.typologyKeys ?? current?.typology_keys ?? [])];
    if (audience === NewsletterAudience.SPACES) {
      if (!spaceIds.length)
        throw DomainError.badInput('Choisissez au moins un espace.', {
          field: 'spaceIds',
        }).inEnglish('Choose at least one space.');
      const found: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM participatory_spaces WHERE id = ANY($1::uuid[])`,
        [spaceIds],
      );
      if (found.length !== spaceIds.length)
        throw DomainError.badInput('Espace introuvable.', { field: 'spaceIds' }).inEnglish(
          'Space not found.',
        );
    }
    if (audience === NewsletterAudience.TYPOLOGIES) {
      if (!typologyKeys.length)
        throw DomainError.badInput('Choisissez au moins une typologie.', {
          field: 'typologyKeys',
        }).inEnglish('Choose at least one typology.');
      const known = new Set((await this.profiles.typologies(true)).map((t) => t.key));
      if (typologyKeys.some((k) => !known.has(k)))
        throw DomainError.badInput('Typologie inconnue.', { field: 'typologyKeys' }).inEnglish(
          'Unknown typology.',
        );
    }
    return {
      subject: subject.trim(),
      body,
      blocks,
      audience,
      spaceIds: audience === NewsletterAudience.SPACES ? spaceIds : [],
      typologyKeys: audience === NewsletterAudience.TYPOLOGIES ? typologyKeys : [],
    };
  }

  private async present(rows: NewsletterRow[]): Promise<NewsletterDto[]> {
    const progress = new Map<string, NewsletterProgressDto>();
    const sent = rows.filter((r) => r.status !== NewsletterStatus.DRAFT).map((r) => r.id);
    if (sent.length) {
      const counts: (NewsletterProgressDto & { newsletter_id: string })[] =
        await this.dataSource.query(
          `SELECT newsletter_id, count(*)::int AS total,
                  count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS pending,
                  count(*) FILTER (WHERE status = 'SENT')::int AS sent,
                  count(*) FILTER (WHERE status = 'FAILED')::int AS failed
             FROM newsletter_deliveries WHERE newsletter_id = ANY($1::uuid[]) GROUP BY newsletter_id`,
          [sent],
        );
      for (const c of counts)
        progress.set(c.newsletter_id, {
          total: c.total,
          pending: c.pending,
          sent: c.sent,
          failed: c.failed,
        });
    }
    return rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      body: r.body,
      blocks: r.blocks,
      audience: r.audience,
      spaceIds: r.space_ids,
      typologyKeys: r.typology_keys,
      status: r.status,
      isDemo: r.is_demo,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sendRequestedAt: r.send_requested_at,
      completedAt: r.completed_at,
      progress:
        r.status === NewsletterStatus.DRAFT
          ? null
          : (progress.get(r.id) ?? { total: 0, pending: 0, sent: 0, failed: 0 }),
    }));
  }
}

function required(field: string) {
  return DomainError.required(field);
}
