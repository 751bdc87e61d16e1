import { InitialSchema1764430000000 } from './1764430000000-initial-schema';
import { ProposalsSupportsCommentsModeration1764440000000 } from './1764440000000-proposals-supports-comments-moderation';
import { Surveys1764450000000 } from './1764450000000-surveys';

/** Every migration, in order. Never edit a committed migration: add a new one. */
export const migrations = [InitialSchema1764430000000, ProposalsSupportsCommentsModeration1764440000000, Surveys1764450000000];
