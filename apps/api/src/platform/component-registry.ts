import { ComponentType } from '@concerto/domain';
import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DomainError } from '../common/errors/domain-error';
import { Capability, type DefinedComponent } from './component-manifest';
import {
  HISTORY_CONTRIBUTOR,
  type HistoryContributor,
  RESOURCE_HOST,
  SPACE_LOCATOR,
  type HostWith,
  type ResourceHost,
  type SpaceLocator,
} from './resource-host';

/** One registration line: a component type's manifest and the Nest module that serves it. */
export interface ComponentRegistration {
  manifest: DefinedComponent;
  module: Type<unknown>;
}

/** Registers a component type (`apps/api/src/modules/component-types.ts` holds one such line per type). */
export const component = (
  manifest: DefinedComponent<any>,
  module: Type<unknown>,
): ComponentRegistration => ({ manifest, module });

/**
 * The component types the API serves, read from their manifests. Refuses to build when a
 * `ComponentType` has no manifest or two.
 */
export class ComponentRegistry {
  private readonly byType = new Map<ComponentType, DefinedComponent>();

  constructor(registrations: readonly ComponentRegistration[]) {
    for (const { manifest } of registrations) {
      if (this.byType.has(manifest.type))
        throw new Error(`Component type ${manifest.type} is registered twice.`);
      this.byType.set(manifest.type, manifest);
    }
    const missing = Object.values(ComponentType).filter((type) => !this.byType.has(type));
    if (missing.length)
      throw new Error(
        `Component types without a manifest: ${missing.join(', ')} (add one line to apps/api/src/modules/component-types.ts).`,
      );
  }

  /** Every manifest, in registration order. */
  all(): DefinedComponent[] {
    return [...this.byType.values()];
  }

  /** The manifest of a type. */
  manifest(type: ComponentType): DefinedComponent {
    return this.byType.get(type)!;
  }

  /** Resource types declaring a capability, with the component type holding them. */
  resourcesTaking(
    capability: Capability,
  ): { componentType: ComponentType; resourceType: string }[] {
    return this.all().flatMap((m) =>
      Object.entries(m.resources)
        .filter(([, r]) => r.capabilities.includes(capability))
        .map(([resourceType]) => ({ componentType: m.type, resourceType })),
    );
  }

  /**
   * Settings given to `updateComponent`, checked against the type's shape.
   * @throws BAD_USER_INPUT (see {@link DefinedComponent.checkedSettings})
   */
  checkedSettings(type: ComponentType, settings: unknown): Record<string, unknown> {
    return this.manifest(type).checkedSettings(settings) as Record<string, unknown>;
  }
}

/** The capability parts a manifest's capability requires of the host adapter. */
const ADAPTER_PART: Partial<Record<Capability, 'comments' | 'follows' | 'reports' | 'history'>> = {
  [Capability.COMMENTS]: 'comments',
  [Capability.FOLLOWS]: 'follows',
  [Capability.REPORTS]: 'reports',
  [Capability.HISTORY]: 'history',
};

/**
 * The resource hosts registered by feature modules (providers marked `@ResourceHostAdapter()`),
 * discovered at start. A start fails when a manifest declares a capability whose adapter part
 * its host lacks, so a component type cannot claim comments without counting them.
 */
@Injectable()
export class ResourceHosts implements OnModuleInit {
  private readonly hosts = new Map<string, ResourceHost>();
  private readonly locators = new Map<string, SpaceLocator['keys'][string]>();
  private readonly contributors: HistoryContributor[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly components: ComponentRegistry,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (
        wrapper.instance &&
        wrapper.metatype &&
        Reflect.getMetadata(SPACE_LOCATOR, wrapper.metatype)
      ) {
        for (const [key, lookup] of Object.entries((wrapper.instance as SpaceLocator).keys))
          this.locators.set(key, lookup);
      }
      if (
        wrapper.instance &&
        wrapper.metatype &&
        Reflect.getMetadata(HISTORY_CONTRIBUTOR, wrapper.metatype)
      )
        this.contributors.push(wrapper.instance as HistoryContributor);
      const instance = wrapper.instance as ResourceHost | undefined;
      if (!instance || !wrapper.metatype || !Reflect.getMetadata(RESOURCE_HOST, wrapper.metatype))
        continue;
      if (this.hosts.has(instance.type))
        throw new Error(`Resource type ${instance.type} has two host adapters.`);
      this.hosts.set(instance.type, instance);
    }
    for (const manifest of this.components.all()) {
      for (const [type, resource] of Object.entries(manifest.resources)) {
        for (const capability of resource.capabilities) {
          const part = ADAPTER_PART[capability];
          if (part && !this.hosts.get(type)?.[part]) {
            throw new Error(
              `${manifest.type}: resource ${type} declares "${capability}" but no @ResourceHostAdapter() for ${type} provides "${part}".`,
            );
          }
        }
      }
    }
  }

  /** The space lookup registered for an argument key, if any. */
  locator(key: string): SpaceLocator['keys'][string] | undefined {
    return this.locators.get(key);
  }

  /** The registered history contributors. */
  historyContributors(): readonly HistoryContributor[] {
    return this.contributors;
  }

  /** Every registered host. */
  all(): ResourceHost[] {
    return [...this.hosts.values()];
  }

  /** Hosts that take a capability part. */
  taking<K extends 'comments' | 'follows' | 'reports' | 'history'>(part: K): HostWith<K>[] {
    return this.all().filter((h): h is HostWith<K> => !!h[part]);
  }

  /**
   * The host of a resource type for a capability part.
   * @throws BAD_USER_INPUT no host of that type takes it (`extensions.field` = `field`)
   */
  require<K extends 'comments' | 'follows' | 'reports' | 'history'>(
    type: string,
    part: K,
    field: string,
  ): HostWith<K> {
    const host = this.hosts.get(type);
    if (!host?.[part])
      throw DomainError.badInput(
        `Ce type de contenu ne prend pas cette fonction : ${String(type).slice(0, 40)}`,
        { field },
      ).inEnglish(`This type of content does not take this function: ${String(type).slice(0, 40)}`);
    return host as HostWith<K>;
  }

  /** The host of a resource type, or undefined when no module registered one. */
  find(type: string): ResourceHost | undefined {
    return this.hosts.get(type);
  }

  /** The host of a resource type. @throws BAD_USER_INPUT unknown type */
  host(type: string, field = 'resourceType'): ResourceHost {
    const host = this.hosts.get(type);
    if (!host)
      throw DomainError.badInput(`Type de contenu inconnu : ${String(type).slice(0, 40)}`, {
        field,
      }).inEnglish(`Unknown type of content: ${String(type).slice(0, 40)}`);
    return host;
  }
}
