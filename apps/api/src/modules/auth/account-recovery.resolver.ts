import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, OwnAccount, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import { AccountRecoveryService } from './account-recovery.service';
import {
  ConfirmEmailInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
} from './dtos/auth.inputs';

@Resolver()
export class AccountRecoveryResolver {
  constructor(private readonly recovery: AccountRecoveryService) {}

  /**
   * « Mot de passe oublié ? »: mails a one-time reset link when the address has an account.
   * Always answers true (whether the address exists or not). Access: anyone; rate-limited per IP
   * (LOGIN_RATE_LIMIT_PER_MINUTE) and per account (ACCOUNT_MAILS_PER_HOUR, silently).
   * Errors: BAD_USER_INPUT (`field: 'email'`, not an address), TOO_MANY_REQUESTS.
   */
  @Public()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } })
  @Mutation(() => Boolean, {
    description:
      'Ask for a password-reset link by e-mail. Same answer whether the address has an account or not. Access: anyone. Errors: BAD_USER_INPUT, TOO_MANY_REQUESTS.',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.recovery.requestPasswordReset(input.email);
    return true;
  }

  /**
   * Sets a new password with a reset link and signs the account out everywhere.
   * Access: anyone holding a valid link; rate-limited per IP. Errors: BAD_USER_INPUT
   * (`field: 'token'` with `reason: INVALID_TOKEN`, or `field: 'newPassword'`), TOO_MANY_REQUESTS.
   */
  @Public()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } })
  @Mutation(() => Boolean, {
    description:
      'Set a new password with a reset link; every session of the account is revoked. Access: anyone with the link. Errors: BAD_USER_INPUT, TOO_MANY_REQUESTS.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.recovery.resetPassword(input.token, input.newPassword);
    return true;
  }

  /**
   * Confirms an e-mail address with its mailed link. Access: anyone holding the link; rate-limited per IP.
   * Errors: BAD_USER_INPUT (`field: 'token'`, `reason: INVALID_TOKEN`), TOO_MANY_REQUESTS.
   */
  @Public()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } })
  @Mutation(() => Boolean, {
    description:
      'Confirm an e-mail address with its mailed link. Access: anyone with the link. Errors: BAD_USER_INPUT, TOO_MANY_REQUESTS.',
  })
  async confirmEmail(@Args('input') input: ConfirmEmailInput): Promise<boolean> {
    await this.recovery.confirmEmail(input.token);
    return true;
  }

  /**
   * Mails a new confirmation link to the signed-in account.
   * Access: signed-in users (also before confirming); rate-limited per IP and per account.
   * @returns true when a link was sent, false when the address is already confirmed or the hourly quota is spent
   */
  @Authenticated()
  @OwnAccount()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } })
  @Mutation(() => Boolean, {
    description:
      'Mail a new e-mail confirmation link. Access: signed-in users. Returns false when already confirmed or too many links were sent this hour. Errors: UNAUTHENTICATED, TOO_MANY_REQUESTS.',
  })
  resendEmailConfirmation(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.recovery.resendConfirmation(viewer.user.id);
  }
}
