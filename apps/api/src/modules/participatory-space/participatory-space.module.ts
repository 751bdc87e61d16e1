import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceResolver } from './participatory-space.resolver';
import { ParticipatorySpaceService } from './participatory-space.service';
import { SpaceAccessService } from './space-access.service';

@Module({
  imports: [ActionLogModule],
  providers: [ParticipatorySpaceService, SpaceAccessService, ParticipatorySpaceResolver],
  exports: [ParticipatorySpaceService, SpaceAccessService],
})
export class ParticipatorySpaceModule {}
