import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  OPEN_DATA_PROVIDER,
  type OpenDataset,
  type OpenDataProvider,
} from '../../platform/open-data';

/** The open-data providers every module registered, in their declared order (discovered at start). */
@Injectable()
export class OpenDataProviders implements OnModuleInit {
  private list: OpenDataset[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.list = this.discovery
      .getProviders()
      .filter(
        (w) => w.instance && w.metatype && Reflect.getMetadata(OPEN_DATA_PROVIDER, w.metatype),
      )
      .map((w) => w.instance as OpenDataProvider)
      .sort((a, b) => a.order - b.order)
      .flatMap((p) => p.datasets);
    const names = this.list.map((d) => d.name);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length) throw new Error(`Open datasets declared twice: ${twice.join(', ')}`);
  }

  /** Every dataset, in order. */
  datasets(): readonly OpenDataset[] {
    return this.list;
  }
}
