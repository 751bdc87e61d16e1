import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { DiscoveryModule } from '@nestjs/core';
import { AvatarController } from './avatar.controller';
import { ProfileResolver } from './profile.resolver';
import { ProfilePersonalData } from './profile.personal-data';
import { MemberContributionSources } from './member-contribution-sources';
import { ProfileService } from './profile.service';

/**
 * Member profiles (Profil): pseudo, organisation, typology, avatar…, per-field visibility,
 * follows between members, the typology list. Other features use {@link ProfileService}
 * (`typologyOf`, `typologies`) for restrictions and breakdowns by typology.
 */
@Module({
  imports: [ActionLogModule, DiscoveryModule],
  controllers: [AvatarController],
  providers: [ProfileService, ProfileResolver, ProfilePersonalData, MemberContributionSources],
  exports: [ProfileService],
})
export class ProfileModule {}
