import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One table of "download my data": a file stem, its columns, and the SQL that reads the owner's rows (`$1` = user id). */
export interface PersonalDataset {
  name: string;
  description: string;
  columns: string[];
  sql: string;
}

/** The account being deleted. */
export interface ErasedAccount {
  id: string;
  /** Its e-mail before deletion (invitations sent to it go too). */
  email: string;
}

/**
 * A module's part of the personal-data rights (GDPR art. 15, 17, 20): the datasets of its own
 * tables in the ZIP, and what it removes or unlinks when an account is deleted. Registered by
 * each module (a provider marked {@link PersonalDataContributorAdapter}); the account module
 * discovers them. `order` sorts the ZIP's files and the erasure steps (lower first).
 */
export interface PersonalDataContributor {
  readonly order: number;
  readonly datasets: readonly PersonalDataset[];
  /** Runs inside the deletion's transaction, before the account row becomes a tombstone. */
  erase?(manager: EntityManager, account: ErasedAccount): Promise<void>;
}

export const PERSONAL_DATA_CONTRIBUTOR = 'concerto:personal-data-contributor';

/** Marks a provider as a {@link PersonalDataContributor}. */
export const PersonalDataContributorAdapter = () => SetMetadata(PERSONAL_DATA_CONTRIBUTOR, true);
