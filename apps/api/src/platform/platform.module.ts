import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ComponentRegistry, type ComponentRegistration, ResourceHosts } from './component-registry';
import { ComponentTypesResolver } from './component-types.resolver';
import { SittingAttendance } from './sitting-attendance';

/**
 * The component platform: the registry of component types (from their manifests) and of the
 * resource hosts that feature modules register for the shared capabilities. Global, so that
 * capability modules and `participatory-space` read it without importing the component modules.
 */
@Global()
@Module({})
export class PlatformModule {
  /** @param registrations the lines of `apps/api/src/modules/component-types.ts` */
  static forRoot(registrations: readonly ComponentRegistration[]): DynamicModule {
    return {
      module: PlatformModule,
      imports: [DiscoveryModule, ...registrations.map((r) => r.module)],
      providers: [
        { provide: ComponentRegistry, useValue: new ComponentRegistry(registrations) },
        ResourceHosts,
        SittingAttendance,
        ComponentTypesResolver,
      ],
      exports: [ComponentRegistry, ResourceHosts, SittingAttendance],
    };
  }
}
