import { SpaceType } from '@concerto/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import {
  inTransaction,
  pgConstraint,
  pgErrorCode,
  queryRows,
} from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { describeMailFailure, MailerService } from '../notification/mailer.service';
import { ActionLogService } from '../action-log/action-log.service';
import { AssemblyInvitationDto, InviteAssemblyMemberInput } from './dtos/assembly-invitation.dto';
import { AssemblyMemberDto } from './dtos/participatory-space.dto';
import { lockActiveAccount } from '../user/account-lock';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface InvitationRow {
  id: string;
  space_id: string;
  email: string;
  position: AssemblyInvitationDto['position'];
  college: string | null;
  weight: string;
  created_at: Date;
  accepted_at: Date | null;
}
const toDto = (r: InvitationRow): AssemblyInvitationDto => ({
  id: r.id,
  spaceId: r.space_id,
  email: r.email,
  position: r.position,
  college: r.college,
  weight: Number(r.weight),
  createdAt: r.created_at,
  acceptedAt: r.accepted_at,
});

/**
 * E-mail invitations to an assembly for people who may not have an account yet. The token
 * (32 random bytes, base64url) is given only in the invitation link and stored as its SHA-256
 * hash; the link is e-mailed to the invitee after commit (through the mailer: over SMTP when
 * `SMTP_URL` is set, otherwise written to the log).
 * Accepting needs the invitee signed in with the invited e-mail address.
 */
@Injectable()
export class AssemblyInvitationService {
  private readonly logger = new Logger('AssemblyInvitation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly config: AppConfig,
    private readonly mailer: MailerService,
  ) {}

  /** Invitations of an assembly, pending first then newest. Caller: space admins. */
  async list(spaceId: string): Promise<AssemblyInvitationDto[]> {
    const rows: InvitationRow[] = await this.dataSource.query(
      `SELECT * FROM assembly_invitations WHERE space_id = $1 AND revoked_at IS NULL ORDER BY accepted_at NULLS FIRST, created_at DESC`,
      [spaceId],
    );
    return rows.map(toDto);
  }

  /**
   * Invites an e-mail address to an assembly with a position, college and weight.
   * Caller: space admins. Logged (PUBLIC, without the address).
   * @throws NOT_FOUND space; BAD_USER_INPUT not an assembly; CONFLICT a pending invitation for
   *   that address exists (unique index), or the address is already a current member
   */
  async invite(input: InviteAssemblyMemberInput, viewer: Viewer): Promise<AssemblyInvitationDto> {
    const token = randomBytes(32).toString('base64url');
    try {
      const row = await inTransaction(this.dataSource, async (manager) => {
        const [space] = await manager.query(
          `SELECT id, type FROM participatory_spaces WHERE id = $1 FOR UPDATE`,
          [input.spaceId],
        );
        if (!space)
          throw DomainError.notFound('Espace', { id: input.spaceId }).inEnglish('Space not found.');
        if (space.type !== SpaceType.ASSEMBLY)
          throw DomainError.badInput('Seules les assemblées ont des membres.').inEnglish(
            'Only assemblies have members.',
          );
        const [member] = await manager.query(
          `SELECT 1 FROM assembly_members m JOIN users u ON u.id = m.user_id WHERE m.space_id = $1 AND m.left_at IS NULL AND lower(u.email) = lower($2)`,
          [space.id, input.email],
        );
        if (member)
          throw DomainError.conflict('Cette personne est déjà membre de l’assemblée.').inEnglish(
            'This person is already a member of the assembly.',
          );
        const [created] = await queryRows<InvitationRow>(
          manager,
          `INSERT INTO assembly_invitations (space_id, email, position, college, weight, token_hash, invited_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            space.id,
            input.email,
            input.position ?? 'MEMBER',
            input.college ?? null,
            input.weight ?? 1,
            hashToken(token),
            viewer.user.id,
          ],
        );
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'invite_member',
          resourceType: 'assembly_invitation',
          resourceId: created.id,
          spaceId: space.id,
          // the invitee has not joined (nor maybe even signed up): not public; its e-mail never in the summary
          visibility: 'ADMIN_ONLY',
          summary: 'Invitation à rejoindre l’assemblée envoyée',
        });
        return created;
      });
      const [space] = await this.dataSource.query(
        `SELECT title FROM participatory_spaces WHERE id = $1`,
        [input.spaceId],
      );
      await this.mailer
        .send({
          to: input.email,
          subject: `[Concerto] Invitation : ${space?.title ?? 'assemblée'}`,
          text: `Vous êtes invité·e à rejoindre « ${space?.title ?? 'l’assemblée'} » sur Concerto.\n\nAcceptez l’invitation (connexion ou inscription avec cette adresse) :\n${this.config.PUBLIC_URL}/invitations/${token}`,
        })
        .catch((error: unknown) =>
          this.logger.warn(`invitation e-mail failed: ${describeMailFailure(error)}`),
        );
      return toDto(row);
    } catch (error) {
      if (
        pgErrorCode(error) === '23505' &&
        pgConstraint(error) === 'assembly_invitations_pending_key'
      ) {
        throw DomainError.conflict(
          'Une invitation est déjà en attente pour cette adresse.',
        ).inEnglish('An invitation is already pending for this address.');
      }
      throw error;
    }
  }

  /**
   * Accepts an invitation: the signed-in invitee becomes a current member with the invited
   * position, college and weight; the invitation is marked accepted in the same transaction
   * (an `UPDATE … WHERE accepted_at IS NULL` so a token works once). Logged (PUBLIC).
   * Caller: any signed-in user whose e-mail is the invited one.
   * @throws NOT_FOUND unknown, used or revoked token; FORBIDDEN signed in with another e-mail;
   *   CONFLICT already a current member
   */
  async accept(token: string, viewer: Viewer): Promise<AssemblyMemberDto> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        // the account first (as a deletion does, then the invitations): no deadlock, and no
        // membership for an account deleted meanwhile
        await lockActiveAccount(manager, viewer.user.id);
        const [invitation] = await queryRows<InvitationRow>(
          manager,
          `SELECT * FROM assembly_invitations WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL FOR UPDATE`,
          [hashToken(token)],
        );
        if (!invitation)
          throw DomainError.notFound('Invitation').inEnglish('Invitation not found.');
        if (invitation.email.toLowerCase() !== viewer.user.email.toLowerCase()) {
          throw DomainError.forbidden(
            'Cette invitation est adressée à une autre adresse e-mail.',
          ).inEnglish('This invitation is addressed to another email address.');
        }
        await manager.query(
          `UPDATE assembly_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`,
          [invitation.id, viewer.user.id],
        );
        const [member] = await queryRows<{ id: string; joined_at: Date }>(
          manager,
          `INSERT INTO assembly_members (space_id, user_id, position, college, weight) VALUES ($1, $2, $3, $4, $5) RETURNING id, joined_at`,
          [
            invitation.space_id,
            viewer.user.id,
            invitation.position,
            invitation.college,
            invitation.weight,
          ],
        );
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'add_member',
          resourceType: 'assembly_member',
          resourceId: member.id,
          spaceId: invitation.space_id,
          visibility: 'PUBLIC',
          summary: `${viewer.user.name} rejoint l’assemblée (invitation acceptée)`,
        });
        return {
          id: member.id,
          userId: viewer.user.id,
          userName: viewer.user.name,
          position: invitation.position,
          college: invitation.college,
          weight: Number(invitation.weight),
          joinedAt: member.joined_at,
          leftAt: null,
        };
      });
    } catch (error) {
      if (pgErrorCode(error) === '23505')
        throw DomainError.conflict('Vous êtes déjà membre de l’assemblée.').inEnglish(
          'You are already a member of the assembly.',
        );
      throw error;
    }
  }
}
