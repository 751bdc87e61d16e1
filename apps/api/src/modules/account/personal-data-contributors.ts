import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  PERSONAL_DATA_CONTRIBUTOR,
  type PersonalDataContributor,
} from '../../platform/personal-data';

/** The personal-data contributors every module registered, in their declared order (discovered at start). */
@Injectable()
export class PersonalDataContributors implements OnModuleInit {
  private list: PersonalDataContributor[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.list = this.discovery
      .getProviders()
      .filter(
        (w) =>
          w.instance && w.metatype && Reflect.getMetadata(PERSONAL_DATA_CONTRIBUTOR, w.metatype),
      )
      .map((w) => w.instance as PersonalDataContributor)
      .sort((a, b) => a.order - b.order);
    const names = this.list.flatMap((c) => c.datasets.map((d) => d.name));
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length) throw new Error(`Personal datasets declared twice: ${twice.join(', ')}`);
  }

  /** Every contributor, in order. */
  all(): readonly PersonalDataContributor[] {
    return this.list;
  }
}
