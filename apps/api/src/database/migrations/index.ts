import { InitialSchema1764430000000 } from './1764430000000-initial-schema';
import { ProposalsSupportsCommentsModeration1764440000000 } from './1764440000000-proposals-supports-comments-moderation';
import { ParticipatoryTextsAmendments1764480000000 } from './1764480000000-participatory-texts-amendments';

/** Every migration, in order. Never edit a committed migration: add a new one. */
export const migrations = [InitialSchema1764430000000, ProposalsSupportsCommentsModeration1764440000000, ParticipatoryTextsAmendments1764480000000];
