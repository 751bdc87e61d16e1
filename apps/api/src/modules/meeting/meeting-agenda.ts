import { MeetingLimits } from '@concerto/domain';
import { DomainError } from '../../common/errors/domain-error';
import { hasVisibleText, trimText } from '../../common/validation/visible-text';
import { UUID_PATTERN } from '../../platform/component-resource';

/** An agenda item as given, checked: what {@link checkedAgenda} returns. */
export interface AgendaDraft {
  title: string;
  durationMinutes: number;
  proposalIds: string[];
  motionIds: string[];
  children: AgendaDraft[];
}

/** An agenda item as given by a client (the GraphQL input's shape). */
export interface AgendaInput {
  title: string;
  durationMinutes?: number | null;
  proposalIds?: string[] | null;
  motionIds?: string[] | null;
  children?: AgendaInput[] | null;
}

/** A stored agenda item (a row of `meeting_agenda_items` with its links). */
export interface StoredAgendaItem {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  durationMinutes: number;
  proposalIds: string[];
  motionIds: string[];
}

/** A stored agenda item placed in time. */
export interface ScheduledAgendaItem extends StoredAgendaItem {
  startsAt: Date;
  endsAt: Date;
  children: ScheduledAgendaItem[];
}

/** A refused agenda, worded in French and in English, the offending field in `extensions.field`. */
const bad = (message: string, english: string, field: string) =>
  DomainError.badInput(message, { field }).inEnglish(english);

function checkedIds(ids: string[] | null | undefined, field: string): string[] {
  const list = ids ?? [];
  if (list.length > MeetingLimits.agendaLinksMax)
    throw bad(
      `Au plus ${MeetingLimits.agendaLinksMax} liens par point.`,
      `At most ${MeetingLimits.agendaLinksMax} links per item.`,
      field,
    );
  for (const id of list)
    if (!UUID_PATTERN.test(id)) throw bad('Identifiant invalide.', 'Invalid identifier.', field);
  if (new Set(list).size !== list.length)
    throw bad('Le même élément est lié deux fois.', 'The same item is linked twice.', field);
  return [...list];
}

/**
 * Checks a whole agenda before it replaces the stored one: titles with visible text (1–200
 * characters), whole durations of 1 to 1,440 minutes, at most 30 items per level, one level of
 * sub-items only, sub-items that fit in their parent's duration, well-formed link ids without
 * duplicates. The error names the first offending field, e.g. `items[1].children[0].durationMinutes`.
 * @param items the agenda, top-level items in order
 * @param field the argument's name in error paths
 * @returns the items, titles trimmed
 * @throws BAD_USER_INPUT with `extensions.field`
 */
export function checkedAgenda(items: AgendaInput[], field = 'items'): AgendaDraft[] {
  const level = (list: AgendaInput[], path: string, depth: number): AgendaDraft[] => {
    if (list.length > MeetingLimits.agendaItemsMax)
      throw bad(
        `Au plus ${MeetingLimits.agendaItemsMax} points par niveau de l’ordre du jour.`,
        `At most ${MeetingLimits.agendaItemsMax} items per level of the agenda.`,
        path,
      );
    return list.map((item, i) => {
      const at = `${path}[${i}]`;
      const title = trimText(item.title ?? '');
      if (!hasVisibleText(title))
        throw bad(
          'Chaque point de l’ordre du jour a besoin d’un titre.',
          'Each agenda item needs a title.',
          `${at}.title`,
        );
      if (title.length > MeetingLimits.agendaTitleMaxLength)
        throw bad(
          `Le titre d’un point dépasse ${MeetingLimits.agendaTitleMaxLength} caractères.`,
          `An item’s title is longer than ${MeetingLimits.agendaTitleMaxLength} characters.`,
          `${at}.title`,
        );
      const duration = item.durationMinutes;
      if (
        typeof duration !== 'number' ||
        !Number.isInteger(duration) ||
        duration < 1 ||
        duration > MeetingLimits.agendaDurationMaxMinutes
      ) {
        throw bad(
          `La durée d’un point est un nombre entier de minutes entre 1 et ${MeetingLimits.agendaDurationMaxMinutes}.`,
          `An item’s duration is a whole number of minutes from 1 to ${MeetingLimits.agendaDurationMaxMinutes.toLocaleString('en')}.`,
          `${at}.durationMinutes`,
        );
      }
      const children = item.children ?? [];
      if (depth > 0 && children.length)
        throw bad(
          'Un sous-point ne peut pas avoir de sous-points (un seul niveau).',
          'A sub-item cannot have sub-items (one level only).',
          `${at}.children`,
        );
      const draft: AgendaDraft = {
        title,
        durationMinutes: duration,
        proposalIds: checkedIds(item.proposalIds, `${at}.proposalIds`),
        motionIds: checkedIds(item.motionIds, `${at}.motionIds`),
        children: depth === 0 ? level(children, `${at}.children`, 1) : [],
      };
      const inside = draft.children.reduce((sum, c) => sum + c.durationMinutes, 0);
      if (inside > duration)
        throw bad(
          `Les sous-points (${inside} min) dépassent la durée de leur point (${duration} min).`,
          `The sub-items (${inside} min) run longer than their item (${duration} min).`,
          `${at}.children`,
        );
      return draft;
    });
  };
  return level(items, field, 0);
}

/**
 * Places stored agenda items in time: top-level items one after another from the meeting's
 * start, each sub-item one after another from its parent's start.
 * @param start the meeting's start (UTC instant)
 * @param items rows of one meeting, any order
 * @returns the top-level items in order, each with its sub-items in order
 */
export function scheduleAgenda(start: Date, items: StoredAgendaItem[]): ScheduledAgendaItem[] {
  const byPosition = (a: StoredAgendaItem, b: StoredAgendaItem) => a.position - b.position;
  const place = (list: StoredAgendaItem[], from: number): ScheduledAgendaItem[] => {
    let at = from;
    return list.sort(byPosition).map((item) => {
      const startsAt = new Date(at);
      at += item.durationMinutes * 60_000;
      const children = place(
        items.filter((c) => c.parentId === item.id),
        startsAt.getTime(),
      );
      return { ...item, startsAt, endsAt: new Date(at), children };
    });
  };
  return place(
    items.filter((i) => i.parentId === null),
    start.getTime(),
  );
}

/**
 * Checks a closing report's video link: an absolute https URL without spaces.
 * @returns the trimmed URL, or null for none
 * @throws BAD_USER_INPUT (field videoUrl)
 */
export function checkedVideoUrl(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' && !/\s/.test(text) && url.hostname) return text;
  } catch {
    // not a URL
  }
  throw bad(
    'Le lien vers la vidéo doit être une adresse https valide.',
    'The video link must be a valid https address.',
    'videoUrl',
  );
}
