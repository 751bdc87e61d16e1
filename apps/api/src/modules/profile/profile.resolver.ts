import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, OrganizationAdmin, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import {
  CreateMemberTypologyInput,
  MemberContributionDto,
  MemberProfileDto,
  MemberSummaryDto,
  MemberTypologyDto,
  UpdateMemberTypologyInput,
  UpdateMyProfileInput,
} from './dtos/profile.dto';
import { PROFILE_LIST_MAX, ProfileService, withheldFrom } from './profile.service';
import { DomainError } from '../../common/errors/domain-error';

const PSEUDO_ARG = { description: 'The member’s pseudo (any letter case).' };
const checkedFirst = (first: number) => {
  if (!Number.isInteger(first) || first < 1 || first > PROFILE_LIST_MAX)
    throw DomainError.badInput(`first: entre 1 et ${PROFILE_LIST_MAX}`, {
      field: 'first',
    }).inEnglish(`From 1 to ${PROFILE_LIST_MAX}`);
  return first;
};
const checkedPseudo = (pseudo: string) => {
  if (pseudo.length > 100) throw DomainError.notFound('Membre', {}).inEnglish('Member not found.');
  return pseudo;
};

/** Member profiles, follows between members and the typology list. */
@Resolver(() => MemberProfileDto)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  /** The caller's own profile with every field and its visibility. Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => MemberProfileDto, {
    description:
      'The caller’s own profile, every field and its visibility. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  myProfile(@CurrentViewer() viewer: Viewer): Promise<MemberProfileDto> {
    return this.profiles.mine(viewer);
  }

  /** A member's profile, each field as its visibility allows the caller. Access: anyone. Errors: NOT_FOUND. */
  @Public()
  @Query(() => MemberProfileDto, {
    description:
      'A member’s profile (« /membres/:pseudo »), each field only if its visibility allows the caller. Access: anyone. Errors: NOT_FOUND.',
  })
  memberProfile(
    @Args('pseudo', PSEUDO_ARG) pseudo: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MemberProfileDto> {
    return this.profiles.byPseudo(checkedPseudo(pseudo), viewer);
  }

  /** The typology list (annex 1's respondent types unless changed). Access: anyone. */
  @Public()
  @Query(() => [MemberTypologyDto], {
    description:
      'The organization’s typologies, in order; archived ones only with includeArchived. Access: anyone.',
  })
  memberTypologies(
    @Args('includeArchived', { defaultValue: false }) includeArchived: boolean,
  ): Promise<MemberTypologyDto[]> {
    return this.profiles.typologies(includeArchived);
  }

  /** Organisations other members gave, starting with `search`, most frequent first (10 at most). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => [String], {
    description:
      'Up to 10 organisations members already gave (visible to members), starting with search, most frequent first. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  organisationSuggestions(@Args('search') search: string): Promise<string[]> {
    return this.profiles.organisationSuggestions(search.slice(0, 150));
  }

  /** Followers of the member, newest first. Access: whoever reads the profile. Errors: BAD_USER_INPUT (first outside 1–50). */
  @Public()
  @ResolveField(() => [MemberSummaryDto], {
    description:
      'Who follows this member, newest first. Errors: BAD_USER_INPUT (first outside 1–50).',
  })
  followers(
    @Parent() profile: MemberProfileDto,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MemberSummaryDto[]> {
    if (withheldFrom(profile.blocked, profile.userId, viewer)) return Promise.resolve([]);
    return this.profiles.followList(profile.userId, 'followers', checkedFirst(first), viewer);
  }

  /** Members this member follows, newest first. Access: whoever reads the profile. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [MemberSummaryDto], {
    description:
      'Members this member follows, newest first. Errors: BAD_USER_INPUT (first outside 1–50).',
  })
  follows(
    @Parent() profile: MemberProfileDto,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MemberSummaryDto[]> {
    if (withheldFrom(profile.blocked, profile.userId, viewer)) return Promise.resolve([]);
    return this.profiles.followList(profile.userId, 'follows', checkedFirst(first), viewer);
  }

  /** The member's published proposals the caller can see, newest first. Access: whoever reads the profile. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [MemberContributionDto], {
    description:
      'Public contributions (published proposals in spaces the caller can see), newest first. Errors: BAD_USER_INPUT (first outside 1–50).',
  })
  contributions(
    @Parent() profile: MemberProfileDto,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MemberContributionDto[]> {
    return this.profiles.contributions(profile.userId, checkedFirst(first), viewer);
  }

  /**
   * Changes the caller's profile. Access: signed-in users.
   * Errors: UNAUTHENTICATED; BAD_USER_INPUT (format, reserved pseudo, unknown typology); CONFLICT (pseudo taken).
   */
  @Authenticated()
  @Mutation(() => MemberProfileDto, {
    description:
      'Change the caller’s profile (omitted: unchanged; null or "": cleared). Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT, CONFLICT (pseudo taken).',
  })
  updateMyProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateMyProfileInput,
  ): Promise<MemberProfileDto> {
    return this.profiles.update(viewer, input);
  }

  /** Removes the caller's avatar (upload one with `POST /avatars`). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Mutation(() => MemberProfileDto, {
    description:
      'Remove the caller’s avatar (upload: POST /avatars with the image as body). Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  removeMyAvatar(@CurrentViewer() viewer: Viewer): Promise<MemberProfileDto> {
    return this.profiles.removeAvatar(viewer);
  }

  /** Follows a member. Access: signed-in users. Errors: UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT (oneself), CONFLICT (reason ACCOUNT_BLOCKED: a blocked account). */
  @Authenticated()
  @Mutation(() => MemberProfileDto, {
    description:
      'Follow a member (idempotent). Access: signed-in users. Errors: UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT (reason SELF_FOLLOW), CONFLICT (reason ACCOUNT_BLOCKED).',
  })
  followMember(
    @CurrentViewer() viewer: Viewer,
    @Args('pseudo', PSEUDO_ARG) pseudo: string,
  ): Promise<MemberProfileDto> {
    return this.profiles.follow(viewer, checkedPseudo(pseudo));
  }

  /** Stops following a member. Access: signed-in users. Errors: UNAUTHENTICATED, NOT_FOUND. */
  @Authenticated()
  @Mutation(() => MemberProfileDto, {
    description:
      'Stop following a member (idempotent). Access: signed-in users. Errors: UNAUTHENTICATED, NOT_FOUND.',
  })
  unfollowMember(
    @CurrentViewer() viewer: Viewer,
    @Args('pseudo', PSEUDO_ARG) pseudo: string,
  ): Promise<MemberProfileDto> {
    return this.profiles.unfollow(viewer, checkedPseudo(pseudo));
  }

  /** Adds a typology. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT (label taken). */
  @OrganizationAdmin()
  @Mutation(() => MemberTypologyDto, {
    description:
      'Add a typology at the end of the list. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT.',
  })
  createMemberTypology(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateMemberTypologyInput,
  ): Promise<MemberTypologyDto> {
    return this.profiles.createTypology(viewer.user.id, input.label);
  }

  /** Renames, moves, archives or restores a typology. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT. */
  @OrganizationAdmin()
  @Mutation(() => MemberTypologyDto, {
    description:
      'Rename, move, archive or restore a typology. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  updateMemberTypology(
    @CurrentViewer() viewer: Viewer,
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateMemberTypologyInput,
  ): Promise<MemberTypologyDto> {
    return this.profiles.updateTypology(viewer.user.id, key.slice(0, 100), input);
  }
}
