import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import type { StatisticFigure } from '../../platform/statistics';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { ProfileService } from '../profile/profile.service';
import type { ParticipationByTypologyDto, StatisticsDto } from './dtos/statistics.dto';
import { StatisticsSources } from './statistics-sources';

/** The order key figures are shown in; keys a source adds later come after, alphabetically. */
export const FIGURE_ORDER = [
  'members',
  'proposals',
  'supports',
  'comments',
  'amendments',
  'votes',
  'answers',
  'meetings',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Key figures (« Chiffres clés »): each module contributes its counts through a registered
 * {@link StatisticsSource}; this module adds them up and never reads another module's table.
 * Exact: everything is counted in SQL on each call (no cache), stamped with `asOf`.
 * Visibility: platform figures count published spaces only; a space's figures need the viewer
 * to see the space (unpublished: its admins and moderators, organisation admins).
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly sources: StatisticsSources,
    private readonly spaces: ParticipatorySpaceService,
    private readonly profiles: ProfileService,
  ) {}

  /**
   * Key figures of the platform (published spaces) or of one space.
   * @throws BAD_USER_INPUT malformed space id; NOT_FOUND unknown space or hidden from the viewer
   */
  async statistics(spaceId: string | null, viewer: Viewer | null): Promise<StatisticsDto> {
    const asOf = new Date();
    const spaceIds = spaceId
      ? [await this.visibleSpace(spaceId, viewer)]
      : await this.publicSpaces();
    const scope = { spaceIds, organisation: !spaceId };
    const [parts, typologies] = await Promise.all([
      Promise.all(this.sources.list.map((s) => s.figures(scope))),
      spaceId ? Promise.resolve([]) : this.profiles.countsByTypology(),
    ]);
    return {
      asOf,
      spaceId,
      figures: mergeFigures(parts.flat()),
      organisationsByTypology: typologies.map((t) => ({
        typologyKey: t.key,
        label: t.label,
        members: t.members,
        organisations: t.organisations,
      })),
    };
  }

  /**
   * Participants of a space per typology against the platform's members per typology.
   * Access (checked by the resolver's policy): the space's admins and organisation admins.
   */
  async participationByTypology(spaceId: string): Promise<ParticipationByTypologyDto> {
    const asOf = new Date();
    const [lists, members] = await Promise.all([
      Promise.all(this.sources.list.map((s) => s.participants?.(spaceId) ?? Promise.resolve([]))),
      this.profiles.countsByTypology(),
    ]);
    const participants = [...new Set(lists.flat())];
    const typologyOf = await this.profiles.typologyOf(participants);
    const perTypology = new Map<string | null, number>();
    for (const id of participants) {
      const key = typologyOf.get(id) ?? null;
      perTypology.set(key, (perTypology.get(key) ?? 0) + 1);
    }
    return {
      asOf,
      spaceId,
      participants: participants.length,
      members: members.reduce((sum, t) => sum + t.members, 0),
      typologies: members.map((t) => ({
        typologyKey: t.key,
        label: t.label,
        members: t.members,
        participants: perTypology.get(t.key) ?? 0,
      })),
    };
  }

  private async publicSpaces(): Promise<string[]> {
    return (await this.spaces.list(undefined, null)).map((s) => s.id);
  }

  private async visibleSpace(spaceId: string, viewer: Viewer | null): Promise<string> {
    if (!UUID.test(spaceId))
      throw DomainError.badInput(`Identifiant invalide : ${spaceId.slice(0, 60)}`, {
        field: 'spaceId',
      }).inEnglish(`Invalid identifier: ${spaceId.slice(0, 60)}`);
    const visible = await this.spaces.list(undefined, viewer);
    if (!visible.some((s) => s.id === spaceId))
      throw DomainError.notFound('Espace', { spaceId }).inEnglish('Space not found.');
    return spaceId;
  }
}

/** Adds up figures with the same key (votes of motions and of votations) and sorts them. */
export function mergeFigures(figures: StatisticFigure[]): StatisticFigure[] {
  const byKey = new Map<string, { total: number; weeks: Map<string, number> }>();
  for (const f of figures) {
    const entry = byKey.get(f.key) ?? { total: 0, weeks: new Map<string, number>() };
    entry.total += f.total;
    for (const w of f.weekly) entry.weeks.set(w.week, (entry.weeks.get(w.week) ?? 0) + w.count);
    byKey.set(f.key, entry);
  }
  const rank = (key: string) => {
    const i = FIGURE_ORDER.indexOf(key);
    return i < 0 ? FIGURE_ORDER.length : i;
  };
  return [...byKey.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, { total, weeks }]) => ({
      key,
      total,
      weekly: [...weeks.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([week, count]) => ({ week, count })),
    }));
}
