import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, OwnAccount, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { IdentityProviderDto, SignInMethodsDto } from './dtos/identity.dto';
import { IdentityService } from './identity.service';
import { OidcClients } from './oidc-clients';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly identities: IdentityService,
    private readonly clients: OidcClients,
  ) {}

  /** The configured OpenID Connect providers (none: no button). Access: anyone. */
  @Public()
  @Query(() => [IdentityProviderDto], {
    description:
      'OpenID Connect providers one can sign in with; empty when none is configured. Access: anyone.',
  })
  identityProviders(): IdentityProviderDto[] {
    return this.clients.providers.map((p) => ({ key: p.key, label: p.label }));
  }

  /** The caller's password flag and linked identities. Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => SignInMethodsDto, {
    description:
      'The caller’s sign-in methods (password, linked identities). Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  async mySignInMethods(@CurrentViewer() viewer: Viewer): Promise<SignInMethodsDto> {
    return this.methods(viewer.user.id);
  }

  /**
   * Unlinks one of the caller's identities. Access: the account's owner.
   * Errors: UNAUTHENTICATED, NOT_FOUND (not the caller's identity), CONFLICT (`reason: LAST_SIGN_IN_METHOD`).
   */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => SignInMethodsDto, {
    description:
      'Unlink one of the caller’s OpenID Connect identities; refused when it is the account’s last way to sign in. Access: signed-in users (own identities). Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT (reason LAST_SIGN_IN_METHOD), BAD_USER_INPUT (malformed id).',
  })
  async unlinkIdentity(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SignInMethodsDto> {
    await this.identities.unlink(viewer.user.id, id);
    return this.methods(viewer.user.id);
  }

  private async methods(userId: string): Promise<SignInMethodsDto> {
    const [rows, ways] = await Promise.all([
      this.identities.identitiesOf(userId),
      this.identities.otherWaysToSignIn(userId),
    ]);
    return {
      password: ways.password,
      identities: rows.map((r) => ({
        id: r.id,
        provider: r.provider,
        providerLabel: this.clients.provider(r.provider)?.label ?? r.provider,
        email: r.email,
        professionalId: r.professional_id,
        createdAt: r.created_at,
        lastSignInAt: r.last_sign_in_at,
        unlinkable: ways.password || ways.identities > 1,
      })),
    };
  }
}
