import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access/access-policy';
import type { DefinedComponent } from './component-manifest';
import { ComponentRegistry } from './component-registry';
import { ComponentTypeManifestDto } from './dtos/component-type.dto';

/** The manifest as the API publishes it (pure). */
export function toComponentTypeDto(m: DefinedComponent): ComponentTypeManifestDto {
  return {
    type: m.type,
    name: m.name,
    settingsTitle: m.settingsTitle,
    settings: Object.entries(m.settings).map(([key, s]) => ({
      key,
      kind: s.kind,
      defaultValue: s.default,
      label: s.label,
      hint: s.hint ?? null,
      min: s.min ?? null,
      max: s.max ?? null,
      options: (s.options ?? []).map((o) => ({ value: o.value, label: o.label })),
    })),
    actions: Object.entries(m.actions).map(([holder, actions]) => ({
      holder,
      actions: [...(actions ?? [])],
    })),
    resources: Object.entries(m.resources).map(([type, r]) => ({
      type,
      label: r.label,
      capabilities: [...r.capabilities],
    })),
  };
}

@Resolver()
export class ComponentTypesResolver {
  constructor(private readonly registry: ComponentRegistry) {}

  /** The registered component types with their settings schema (drives the admin settings form). Access: anyone. */
  @Public()
  @Query(() => [ComponentTypeManifestDto], {
    description:
      'Registered component types: settings schema (drives the admin settings form), actions per role, resources and their capabilities. Access: anyone.',
  })
  componentTypes(): ComponentTypeManifestDto[] {
    return this.registry.all().map(toComponentTypeDto);
  }
}
