import { PETITION_MILESTONES, PetitionState } from '@concerto/domain';

/**
 * The lifecycle of a petition, as pure rules (no clock, no database): the API asks them under a
 * row lock, with the database clock's verdict passed in.
 *
 * Follows Decidim's initiatives (`decidim-initiatives`: created → validating → published /
 * discarded → accepted / rejected at the end of the signature period → answered) with one
 * difference: ACCEPTED and REJECTED are never stored — they are read from the clock
 * (`periodEnded`) and the frozen count, so a petition is never "open" past its end whether or
 * not a scheduler ran.
 *
 * States stored: CREATED, VALIDATING, PUBLISHED, DISCARDED, ANSWERED.
 */

/** What a caller tries to do to a petition. */
export type PetitionAction =
  | 'edit'
  | 'invite'
  | 'joinCommittee'
  | 'submit'
  | 'publish'
  | 'discard'
  | 'answer'
  | 'transform'
  | 'sign'
  | 'unsign';

/** The caller's standing towards one petition. */
export interface PetitionActor {
  isAuthor: boolean;
  /** Space admin of the petition's space or organization admin. */
  isAdmin: boolean;
}

/** Why an action is refused: FORBIDDEN (who), CONFLICT (state), PETITION_NOT_OPEN (period), BAD_USER_INPUT (committee). */
export interface Refusal {
  code: 'FORBIDDEN' | 'CONFLICT' | 'PETITION_NOT_OPEN' | 'BAD_USER_INPUT';
  /** French, as every message the API sends by default. */
  message: string;
  /** The same refusal in English (`Accept-Language: en`). */
  english: string;
  field?: string;
}

/**
 * The state a reader sees.
 * @param stored the stored state (CREATED, VALIDATING, PUBLISHED, DISCARDED, ANSWERED)
 * @param periodEnded true when the database clock is at or past the period's end
 * @param signatures counted signatures (the frozen count once the period has ended)
 * @param threshold signatures needed (≥ 1)
 * @returns PUBLISHED while collecting; ACCEPTED (signatures ≥ threshold) or REJECTED once ended; the stored state otherwise
 * @example effectiveState('PUBLISHED', true, 100, 100) === 'ACCEPTED'; effectiveState('PUBLISHED', true, 99, 100) === 'REJECTED'
 */
export function effectiveState(
  stored: PetitionState,
  periodEnded: boolean,
  signatures: number,
  threshold: number,
): PetitionState {
  if (stored !== PetitionState.PUBLISHED || !periodEnded) return stored;
  return signatures >= threshold ? PetitionState.ACCEPTED : PetitionState.REJECTED;
}

/**
 * May this actor do this action on a petition in this (effective) state?
 * - edit: author or admin, before publication (CREATED, VALIDATING);
 * - invite: the author, while CREATED; joinCommittee: anyone but the author, while CREATED;
 * - submit: the author, while CREATED, with `committeeSize ≥ minCommittee`;
 * - publish / discard: admins, while VALIDATING (a second admin racing the first finds the new state: CONFLICT);
 * - answer: admins, once ACCEPTED or REJECTED (an unpublished or still-collecting petition: CONFLICT);
 * - transform (with the answer, into a proposal or a motion): admins, ACCEPTED only (a REJECTED
 *   petition: BAD_USER_INPUT on `transformTo`; asked after `answer`, so an answered one is a CONFLICT first);
 * - sign / unsign: anyone allowed by the type, while PUBLISHED (else PETITION_NOT_OPEN).
 * @param committeeSize accepted committee members (used by submit)
 * @param minCommittee the type's minimum committee size
 * @returns null when allowed, else the refusal
 */
export function refusal(
  action: PetitionAction,
  state: PetitionState,
  actor: PetitionActor,
  committeeSize = 0,
  minCommittee = 0,
): Refusal | null {
  const conflict = (message: string, english: string): Refusal => ({
    code: 'CONFLICT',
    message,
    english,
  });
  switch (action) {
    case 'edit':
      if (!actor.isAuthor && !actor.isAdmin)
        return {
          code: 'FORBIDDEN',
          message: 'Seuls l’auteur de la pétition et les administrateurs peuvent la modifier.',
          english: 'Only the petition’s author and the administrators can edit it.',
        };
      return state === PetitionState.CREATED || state === PetitionState.VALIDATING
        ? null
        : conflict(
            'La pétition est publiée : elle ne peut plus être modifiée.',
            'The petition is published: it can no longer be edited.',
          );
    case 'invite':
      if (!actor.isAuthor)
        return {
          code: 'FORBIDDEN',
          message: 'Seul l’auteur de la pétition invite son comité.',
          english: 'Only the petition’s author invites its committee.',
        };
      return state === PetitionState.CREATED
        ? null
        : conflict(
            'Le comité ne change plus une fois la pétition soumise.',
            'The committee no longer changes once the petition is submitted.',
          );
    case 'joinCommittee':
      if (actor.isAuthor)
        return {
          code: 'BAD_USER_INPUT',
          message: 'L’auteur fait déjà partie du comité.',
          english: 'The author is already on the committee.',
          field: 'token',
        };
      return state === PetitionState.CREATED
        ? null
        : conflict(
            'Le comité ne change plus une fois la pétition soumise.',
            'The committee no longer changes once the petition is submitted.',
          );
    case 'submit':
      if (!actor.isAuthor)
        return {
          code: 'FORBIDDEN',
          message: 'Seul l’auteur soumet sa pétition.',
          english: 'Only the author submits their petition.',
        };
      if (state !== PetitionState.CREATED)
        return conflict(
          'La pétition a déjà été soumise.',
          'The petition has already been submitted.',
        );
      return committeeSize >= minCommittee
        ? null
        : {
            code: 'BAD_USER_INPUT',
            message: `Le comité compte ${committeeSize} membre${committeeSize > 1 ? 's' : ''} ; il en faut au moins ${minCommittee}.`,
            english: `The committee has ${committeeSize} member${committeeSize === 1 ? '' : 's'}; it needs at least ${minCommittee}.`,
            field: 'committee',
          };
    case 'publish':
    case 'discard':
      if (!actor.isAdmin)
        return {
          code: 'FORBIDDEN',
          message: 'Seuls les administrateurs valident les pétitions.',
          english: 'Only administrators validate petitions.',
        };
      return state === PetitionState.VALIDATING
        ? null
        : conflict(
            'La pétition n’attend plus de validation.',
            'The petition is no longer awaiting validation.',
          );
    case 'answer':
      if (!actor.isAdmin)
        return {
          code: 'FORBIDDEN',
          message: 'Seuls les administrateurs répondent aux pétitions.',
          english: 'Only administrators answer petitions.',
        };
      return state === PetitionState.ACCEPTED || state === PetitionState.REJECTED
        ? null
        : conflict(
            'Seule une pétition dont la collecte est terminée reçoit une réponse.',
            'Only a petition whose collection has ended gets an answer.',
          );
    case 'transform':
      if (!actor.isAdmin)
        return {
          code: 'FORBIDDEN',
          message: 'Seuls les administrateurs transforment une pétition.',
          english: 'Only administrators turn a petition into a proposal or a motion.',
        };
      if (state === PetitionState.ACCEPTED) return null;
      return {
        code: 'BAD_USER_INPUT',
        message:
          'Seule une pétition acceptée (seuil atteint) devient une proposition ou une motion.',
        english: 'Only an accepted petition (threshold reached) becomes a proposal or a motion.',
        field: 'transformTo',
      };
    case 'sign':
    case 'unsign':
      return state === PetitionState.PUBLISHED
        ? null
        : {
            code: 'PETITION_NOT_OPEN',
            message: 'Cette pétition ne recueille pas de signatures en ce moment.',
            english: 'This petition is not collecting signatures at the moment.',
          };
  }
}

/**
 * The milestones (percent of the threshold) reached by a count: every m of 25, 50, 75, 100 with
 * `signatures × 100 ≥ m × threshold` (integers, no rounding).
 * @example milestonesReached(50, 200) → [25]; milestonesReached(200, 200) → [25, 50, 75, 100]
 */
export function milestonesReached(signatures: number, threshold: number): number[] {
  return PETITION_MILESTONES.filter((m) => signatures * 100 >= m * threshold);
}
