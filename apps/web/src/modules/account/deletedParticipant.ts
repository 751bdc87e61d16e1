import { DELETED_PARTICIPANT_NAME } from '@concerto/domain';
import type { TFunction } from 'i18next';

/**
 * The name to show for an author: a deleted account's stable name ("Participant supprimé", sent
 * by the API) is shown in the interface language; any other name as it is.
 * @param name the author's name from the API
 * @param t the translation function
 */
export function displayName(name: string, t: TFunction): string {
  return name === DELETED_PARTICIPANT_NAME ? t('account.deletedParticipant') : name;
}
