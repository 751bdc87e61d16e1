import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { ACCESS_POLICY, AccessPolicy, OWN_ACCOUNT } from './access-policy';
import { requestOf } from './request-context';
import { ViewerResolver } from './viewer-resolver';
import { SpaceAccessService } from '../../modules/participatory-space/space-access.service';

/**
 * Global guard: authenticates the caller (Bearer token or session cookie) and enforces the
 * handler's {@link AccessPolicy}. Fails closed: a handler with no policy is FORBIDDEN.
 * Raises UNAUTHENTICATED when a policy needs a user and none is signed in, FORBIDDEN when
 * the user lacks the role, NOT_FOUND when the space a policy points at does not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ViewerResolver,
    private readonly spaceAccess: SpaceAccessService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = requestOf(context);
    if (request.viewer === undefined) {
      request.viewer = await this.sessions.viewerFromRequest(request);
    }
    if (!policy)
      throw DomainError.forbidden('Opération sans règle d’accès déclarée.').inEnglish(
        'Operation without a declared access rule.',
      );
    if (policy.kind === 'public') return true;
    const viewer = request.viewer;
    if (!viewer) throw DomainError.unauthenticated();
    if (
      this.config.EMAIL_CONFIRMATION_REQUIRED &&
      !viewer.user.emailConfirmedAt &&
      this.isParticipation(context)
    ) {
      throw DomainError.forbidden(
        'Confirmez d’abord votre adresse e-mail (lien reçu à l’inscription, ou à renvoyer depuis « Mon compte »).',
        { reason: 'EMAIL_NOT_CONFIRMED' },
      ).inEnglish(
        'Confirm your email address first (link received when you signed up, or sent again from “My account”).',
      );
    }
    if (policy.kind === 'authenticated') return true;
    if (viewer.user.isAdmin) return true;
    if (policy.kind === 'organizationAdmin') throw DomainError.forbidden();
    // GraphQL arguments, or an HTTP controller's route parameters (e.g. `/exports/surveys/:surveyId/…`)
    const args =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getArgs()
        : (request.params ?? {});
    const spaceId = await this.spaceAccess.spaceIdOf(policy.space(args));
    if (await this.spaceAccess.hasRole(viewer.user.id, spaceId, policy.roles)) return true;
    throw DomainError.forbidden();
  }

  /** A GraphQL mutation that is not about the caller's own account (see {@link OwnAccount}). */
  private isParticipation(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return false;
    if (GqlExecutionContext.create(context).getInfo()?.parentType?.name !== 'Mutation')
      return false;
    return !this.reflector.getAllAndOverride<boolean | undefined>(OWN_ACCOUNT, [
      context.getHandler(),
      context.getClass(),
    ]);
  }
}
