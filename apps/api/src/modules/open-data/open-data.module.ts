import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OpenDataController } from './open-data.controller';
import { OpenDataProviders } from './open-data-providers';
import { OpenDataService } from './open-data.service';

/**
 * Open data: the public `/open-data.zip`, one CSV per dataset the modules register
 * (`platform/open-data.ts`). Owns no table: each module reads its own.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [OpenDataController],
  providers: [OpenDataProviders, OpenDataService],
  exports: [OpenDataService],
})
export class OpenDataModule {}
