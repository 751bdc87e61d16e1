import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { IdentityController } from './identity.controller';
import { IdentityPersonalData } from './identity.personal-data';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { OidcClients } from './oidc-clients';

/**
 * Sign-in with OpenID Connect providers (ProSanté Connect, FranceConnect, any issuer configured by
 * `OIDC_*` variables): linked identities, the redirect flow, unlinking, personal data.
 * Uses the (global) auth module to create accounts and open sessions.
 */
@Module({
  imports: [ActionLogModule],
  controllers: [IdentityController],
  providers: [OidcClients, IdentityService, IdentityResolver, IdentityPersonalData],
})
export class IdentityModule {}
