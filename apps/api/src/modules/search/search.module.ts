import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Global search: a capability; each resource type registers a search source over its own index. */
@Module({
  imports: [DiscoveryModule],
  providers: [SearchService, SearchResolver],
})
export class SearchModule {}
