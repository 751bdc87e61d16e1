import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, OwnAccount } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import { ChangePasswordInput, DeleteMyAccountInput } from '../auth/dtos/auth.inputs';
import { SESSION_COOKIE } from '../auth/session.service';
import { AccountService } from './account.service';
import { DataExportService } from './data-export.service';
import { DataExportDto } from './dtos/account.dto';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly account: AccountService,
    private readonly exports: DataExportService,
  ) {}

  /**
   * Changes the caller's password; every other session of the account is revoked and its sockets
   * disconnected, the current one stays. Access: signed-in users; rate-limited per IP like sign-in.
   * Errors: UNAUTHENTICATED, WRONG_PASSWORD, BAD_USER_INPUT (weak new password), CONFLICT, TOO_MANY_REQUESTS.
   * @returns true
   */
  @Authenticated()
  @OwnAccount()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } }) // LOGIN_RATE_LIMIT_PER_MINUTE per client IP: slows password guessing
  @Mutation(() => Boolean, {
    description:
      'Change password; signs out every other session. Access: signed-in users. Errors: UNAUTHENTICATED, WRONG_PASSWORD, BAD_USER_INPUT, CONFLICT, TOO_MANY_REQUESTS.',
  })
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ChangePasswordInput,
  ): Promise<boolean> {
    await this.account.changePassword(
      viewer.user.id,
      viewer.sessionId,
      input.currentPassword,
      input.newPassword,
    );
    return true;
  }

  /**
   * Deletes the caller's account: personal data removed, public contributions kept as
   * "Participant supprimé", supports and votes kept counted; signs out everywhere and clears the
   * cookie. Access: signed-in users; rate-limited per IP like sign-in.
   * Errors: UNAUTHENTICATED, WRONG_PASSWORD (nothing changed), CONFLICT (`reason: LAST_ADMIN`), TOO_MANY_REQUESTS.
   * @returns true
   */
  @Authenticated()
  @OwnAccount()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } }) // LOGIN_RATE_LIMIT_PER_MINUTE per client IP: slows password guessing
  @Mutation(() => Boolean, {
    description:
      'Delete my account (personal data removed, public contributions kept as "Participant supprimé"). Access: signed-in users. Errors: UNAUTHENTICATED, WRONG_PASSWORD, FORBIDDEN (REAUTHENTICATION_REQUIRED: an account without password, made through an OpenID Connect provider, confirms with a sign-in less than 10 minutes old), CONFLICT (LAST_ADMIN), TOO_MANY_REQUESTS.',
  })
  async deleteMyAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DeleteMyAccountInput,
    @Context() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.account.deleteMyAccount(viewer.user.id, input.password, viewer.sessionId);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  /**
   * Requests an export of the caller's data (ZIP of JSON and CSV), prepared in the background;
   * a DATA_EXPORT_READY notification follows. Access: signed-in users.
   * Errors: UNAUTHENTICATED, CONFLICT (`reason: EXPORT_PENDING`, one already being prepared).
   */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => DataExportDto, {
    description:
      'Request a download of my data. Access: signed-in users. Errors: UNAUTHENTICATED, CONFLICT (EXPORT_PENDING).',
  })
  requestDataExport(@CurrentViewer() viewer: Viewer): Promise<DataExportDto> {
    return this.exports.request(viewer.user.id);
  }

  /** The caller's data exports, newest first (at most 20). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => [DataExportDto], {
    description: 'My data exports, newest first. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  myDataExports(@CurrentViewer() viewer: Viewer): Promise<DataExportDto[]> {
    return this.exports.listMine(viewer.user.id);
  }
}
