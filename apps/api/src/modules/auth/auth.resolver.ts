import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, OwnAccount, Public } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import { AppConfig } from '../../config/app-config';
import { toUserDto, UserDto } from '../user/dtos/user.dto';
import { AuthService } from './auth.service';
import { AuthPayload, LoginInput, RegisterInput } from './dtos/auth.inputs';
import { SESSION_COOKIE } from './session.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * The signed-in user, or null for anonymous callers. Access: anyone.
   */
  @Public()
  @Query(() => UserDto, {
    nullable: true,
    description: 'The signed-in user, or null. Access: anyone.',
  })
  me(@CurrentViewer() viewer: Viewer | null): UserDto | null {
    return viewer ? toUserDto(viewer.user) : null;
  }

  /**
   * Creates a participant account, signs it in and sets the session cookie.
   * Access: anyone; rate-limited per IP (LOGIN_RATE_LIMIT_PER_MINUTE, shared with login). Errors: BAD_USER_INPUT (invalid name/e-mail, weak password),
   * CONFLICT (e-mail taken), TOO_MANY_REQUESTS.
   */
  @Public()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } }) // LOGIN_RATE_LIMIT_PER_MINUTE per client IP
  @Mutation(() => AuthPayload, {
    description: 'Sign up. Access: anyone. Errors: BAD_USER_INPUT, CONFLICT, TOO_MANY_REQUESTS.',
  })
  async register(
    @Args('input') input: RegisterInput,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    const { user, token } = await this.auth.register(input);
    this.setCookie(ctx, token);
    return { token, user: toUserDto(user) };
  }

  /**
   * Signs in and sets the session cookie. Access: anyone; rate-limited per IP
   * (LOGIN_RATE_LIMIT_PER_MINUTE). Errors: UNAUTHENTICATED (wrong e-mail or password), TOO_MANY_REQUESTS.
   */
  @Public()
  @Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } }) // LOGIN_RATE_LIMIT_PER_MINUTE per client IP
  @Mutation(() => AuthPayload, {
    description: 'Sign in. Access: anyone. Errors: UNAUTHENTICATED, TOO_MANY_REQUESTS.',
  })
  async login(
    @Args('input') input: LoginInput,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    const { user, token } = await this.auth.login(input.email, input.password);
    this.setCookie(ctx, token);
    return { token, user: toUserDto(user) };
  }

  /**
   * Revokes the current session and clears the cookie. Access: signed-in users. Errors: UNAUTHENTICATED.
   * @returns true
   */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => Boolean, {
    description:
      'Sign out (revokes the session). Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  async logout(@CurrentViewer() viewer: Viewer, @Context() ctx: GraphQLContext): Promise<boolean> {
    await this.auth.logout(viewer.sessionId, viewer.user.id);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  private setCookie(ctx: GraphQLContext, token: string) {
    ctx.res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      maxAge: this.config.SESSION_TTL_HOURS * 3600_000,
    });
  }
}
