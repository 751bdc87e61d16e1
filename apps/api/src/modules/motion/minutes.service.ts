import { MotionOutcome, SpaceType, VoteChoice } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { AssemblyMembershipService } from '../participatory-space/assembly-membership.service';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { AssemblyMinutesDto, MinutesMemberDto, MotionDto, MotionVoteDto } from './dtos/motion.dto';
import { MotionService } from './motion.service';
import { SittingAttendance } from '../../platform/sitting-attendance';

/** Longest period of one set of minutes: 10 years, in milliseconds. */
const MAX_PERIOD_MS = 3660 * 24 * 3600 * 1000;

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});
const POSITION_LABEL: Record<string, string> = {
  PRESIDENT: 'Président·e',
  VICE_PRESIDENT: 'Vice-président·e',
  SECRETARY: 'Secrétaire',
  MEMBER: 'Membre',
};
const MAJORITY_LABEL: Record<string, string> = {
  SIMPLE: 'majorité simple des suffrages exprimés (pour > contre)',
  ABSOLUTE: 'majorité absolue des votants (pour > 50 % des votes, abstentions comprises)',
  TWO_THIRDS: 'majorité des deux tiers des suffrages exprimés (pour ≥ 2/3 de pour + contre)',
};
const OUTCOME_LABEL: Record<MotionOutcome, string> = {
  ADOPTED: 'Adoptée',
  REJECTED: 'Rejetée',
  NO_QUORUM: 'Quorum non atteint',
};

/** A date as French readers expect it, in Europe/Paris time. */
export const parisTime = (date: Date) => PARIS.format(date);

/** Numbers with French decimals (weights may have up to 3 decimals). */
const num = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 3 });

/** Sanitised HTML of a motion body → Markdown paragraphs (tags dropped, entities decoded). */
function bodyToMarkdown(html: string): string {
  return (
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|blockquote|ul|ol)>/gi, '\n\n')
      .replace(/<li>/gi, '- ')
      .replace(/<\/li>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      // text the sanitiser had escaped (`&lt;script&gt;`) stays text, and cannot open a link
      .replace(/[<>[\]\\]/g, (c) => `\\${c}`)
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * Text typed by a member (a name, a title) as inert Markdown: on one line, with every
 * character that could open markup, a link or raw HTML backslash-escaped (CommonMark §2.4),
 * so `<img src=x onerror=…>` or `[x](javascript:…)` in a name shows as typed and renders as text.
 */
export const markdownText = (text: string) =>
  text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|!#~&]/g, (c) => `\\${c}`);

/** A Markdown table cell: inert text ({@link markdownText}), pipes included. */
const cell = (text: string) => markdownText(text);

/**
 * The minutes (procès-verbal) of an Assemblée: for a period, the motions voted then with their
 * text, times, participation, tallies and frozen results, and the membership at that time.
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly motions: MotionService,
    private readonly memberships: AssemblyMembershipService,
    private readonly sittings: SittingAttendance,
  ) {}

  /**
   * Minutes of an assembly over [from, to). Motions whose voting period overlaps the period,
   * members whose membership overlaps it. Tallies follow the motions' own visibility rules
   * (hidden until close stays hidden; secret ballots have no named list).
   * @param from start (inclusive), @param to end (exclusive); at most 10 years apart
   * @throws NOT_FOUND space hidden or unknown; BAD_USER_INPUT not an assembly, to ≤ from, period too long
   */
  async minutes(
    spaceId: string,
    from: Date,
    to: Date,
    viewer: Viewer | null,
  ): Promise<AssemblyMinutesDto> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from)
      throw DomainError.badInput('La période est invalide : la fin doit suivre le début.', {
        field: 'to',
      }).inEnglish('The period is invalid: the end must come after the start.');
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS)
      throw DomainError.badInput('La période couvre au plus dix ans.', { field: 'to' }).inEnglish(
        'The period covers at most ten years.',
      );
    const [row] = await this.dataSource.query(
      `SELECT slug FROM participatory_spaces WHERE id = $1`,
      [spaceId],
    );
    if (!row) throw DomainError.notFound('Espace', { id: spaceId }).inEnglish('Space not found.');
    const space = await this.spaces.bySlug(row.slug, viewer);
    if (space.type !== SpaceType.ASSEMBLY)
      throw DomainError.badInput('Seules les assemblées ont un procès-verbal.').inEnglish(
        'Only assemblies have minutes.',
      );
    const motions = await this.motions.forPeriod(spaceId, from, to, viewer);
    const namedVotes = new Map<string, MotionVoteDto[]>();
    for (const motion of motions) {
      if (motion.namedVotesVisible && motion.status === 'CLOSED')
        namedVotes.set(motion.id, await this.motions.namedVotes(motion.id));
    }
    const memberRows = await this.memberships.membershipsDuring(spaceId, from, to);
    const members: MinutesMemberDto[] = memberRows.map((m) => ({
      name: m.name,
      position: m.position,
      college: m.college,
      weight: Number(m.weight),
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
    }));
    const sittings = await this.sittings.minutesSections(spaceId, from, to);
    const dto: AssemblyMinutesDto = {
      sittings,
      spaceId,
      spaceTitle: space.title,
      from,
      to,
      motions,
      members,
      markdown: '',
    };
    dto.markdown = this.markdown(dto, namedVotes);
    return dto;
  }

  /** The minutes as Markdown (French, times in Europe/Paris). */
  markdown(
    minutes: Omit<AssemblyMinutesDto, 'markdown'>,
    namedVotes: Map<string, MotionVoteDto[]> = new Map(),
  ): string {
    const lines: string[] = [];
    lines.push(`# Procès-verbal — ${markdownText(minutes.spaceTitle)}`, '');
    lines.push(
      `Période : du ${parisTime(minutes.from)} au ${parisTime(minutes.to)} (heure de Paris).`,
      '',
    );
    lines.push(`## Membres de l’assemblée sur la période (${minutes.members.length})`, '');
    if (minutes.members.length) {
      lines.push(
        '| Membre | Fonction | Collège | Poids | Entrée | Sortie |',
        '|---|---|---|---|---|---|',
      );
      for (const m of minutes.members) {
        lines.push(
          `| ${cell(m.name)} | ${POSITION_LABEL[m.position] ?? m.position} | ${cell(m.college ?? '—')} | ${num(m.weight)} | ${parisTime(m.joinedAt)} | ${m.leftAt ? parisTime(m.leftAt) : '—'} |`,
        );
      }
    } else {
      lines.push('Aucun membre sur la période.');
    }
    lines.push('', `## Motions (${minutes.motions.length})`, '');
    if (!minutes.motions.length) lines.push('Aucune motion soumise au vote sur la période.', '');
    for (const motion of minutes.motions)
      lines.push(...this.motionMarkdown(motion, namedVotes.get(motion.id) ?? []));
    const sittings = minutes.sittings ?? [];
    if (sittings.length) {
      lines.push(`## Séances (${sittings.length})`, '');
      // each section is the sitting's own minutes, one heading level down
      for (const section of sittings)
        lines.push(section.replace(/^(#+) /gm, '$1## ').trimEnd(), '');
    }
    return lines.join('\n').trimEnd() + '\n';
  }

  private motionMarkdown(motion: MotionDto, votes: MotionVoteDto[]): string[] {
    const lines = [
      `### ${motion.reference ? `${markdownText(motion.reference)} — ` : ''}${markdownText(motion.title)}`,
      '',
    ];
    lines.push(`- Ouverture du vote : ${motion.opensAt ? parisTime(motion.opensAt) : '—'}`);
    lines.push(`- Clôture du vote : ${motion.closesAt ? parisTime(motion.closesAt) : '—'}`);
    lines.push(
      `- Règle : ${MAJORITY_LABEL[motion.majority]} ; quorum ${num(motion.quorumPercent)} % ; ${motion.secretBallot ? 'bulletin secret' : 'vote public'}`,
    );
    const r = motion.result;
    if (r) {
      lines.push(
        `- Participation : ${r.votersCount} votant·e·s sur ${r.membersCount} membres (poids ${num(r.votersWeight)} / ${num(r.membersWeight)}, soit ${num(r.participationPercent)} %)`,
      );
      lines.push(
        `- Pour : ${num(r.forWeight)} — Contre : ${num(r.againstWeight)} — Abstention : ${num(r.abstainWeight)}`,
      );
      lines.push(
        `- **Résultat : ${OUTCOME_LABEL[r.outcome]}**${r.quorumReached ? '' : ' (quorum non atteint)'}`,
      );
    } else if (motion.tally) {
      lines.push(
        `- Vote en cours : ${motion.tally.votersCount} votant·e·s ; pour ${num(motion.tally.forWeight)}, contre ${num(motion.tally.againstWeight)}, abstention ${num(motion.tally.abstainWeight)}`,
      );
    } else {
      lines.push('- Vote en cours : résultats masqués jusqu’à la clôture');
    }
    lines.push('', '#### Texte soumis au vote', '', bodyToMarkdown(motion.body), '');
    if (votes.length) {
      const label: Record<VoteChoice, string> = {
        FOR: 'Pour',
        AGAINST: 'Contre',
        ABSTAIN: 'Abstention',
      };
      lines.push(
        '#### Votes nominatifs',
        '',
        '| Membre | Collège | Vote | Poids |',
        '|---|---|---|---|',
      );
      for (const v of votes)
        lines.push(
          `| ${cell(v.memberName)} | ${cell(v.college ?? '—')} | ${label[v.choice]} | ${num(v.weight)} |`,
        );
      lines.push('');
    }
    return lines;
  }
}
