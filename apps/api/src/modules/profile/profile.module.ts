import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ProposalModule } from '../proposal/proposal.module';
import { AvatarController } from './avatar.controller';
import { ProfileResolver } from './profile.resolver';
import { ProfilePersonalData } from './profile.personal-data';
import { ProfileService } from './profile.service';

/**
 * Member profiles (Profil): pseudo, organisation, typology, avatar…, per-field visibility,
 * follows between members, the typology list. Other features use {@link ProfileService}
 * (`typologyOf`, `typologies`) for restrictions and breakdowns by typology.
 */
@Module({
  imports: [ActionLogModule, ProposalModule],
  controllers: [AvatarController],
  providers: [ProfileService, ProfileResolver, ProfilePersonalData],
  exports: [ProfileService],
})
export class ProfileModule {}
