import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProfileModule } from '../profile/profile.module';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';
import { StatisticsSources } from './statistics-sources';

/**
 * Key figures (« Chiffres clés »): owns no table; each module registers a
 * `StatisticsSource` (`platform/statistics.ts`) counting its own tables.
 */
@Module({
  imports: [DiscoveryModule, ParticipatorySpaceModule, ProfileModule],
  providers: [StatisticsService, StatisticsResolver, StatisticsSources],
})
export class StatisticsModule {}
