import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { STATISTICS_SOURCE, type StatisticsSource } from '../../platform/statistics';

/** The statistics sources every module registered (discovered at start). */
@Injectable()
export class StatisticsSources implements OnModuleInit {
  list: StatisticsSource[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.list = this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(STATISTICS_SOURCE, w.metatype))
      .map((w) => w.instance as StatisticsSource);
  }
}
