import { ComponentType } from '@concerto/domain';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BoundedJSON } from '../../common/graphql/json-scalar';

registerEnumType(ComponentType, {
  name: 'ComponentType',
  description: 'Kinds of component (Fonctionnalité).',
});

@ObjectType('LocalizedText', { description: 'A text in French and English.' })
export class LocalizedTextDto {
  @Field() fr!: string;
  @Field() en!: string;
}

@ObjectType('ComponentSettingOption', { description: 'One value of a CHOICE setting.' })
export class ComponentSettingOptionDto {
  @Field() value!: string;
  @Field(() => LocalizedTextDto) label!: LocalizedTextDto;
}

@ObjectType('ComponentSettingSpec', {
  description: 'One setting of a component type, as the admin form renders it.',
})
export class ComponentSettingSpecDto {
  @Field({ description: 'Key in Component.settings and in updateComponent(input.settings).' })
  key!: string;
  @Field({
    description:
      'BOOLEAN (checkbox), INTEGER (number within min–max), CHOICE (one of options), LIST (edited by the component’s own screen).',
  })
  kind!: string;
  @Field(() => BoundedJSON, { description: 'Value when the component has none.' })
  defaultValue!: unknown;
  @Field(() => LocalizedTextDto) label!: LocalizedTextDto;
  @Field(() => LocalizedTextDto, { nullable: true }) hint!: LocalizedTextDto | null;
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
  @Field(() => [ComponentSettingOptionDto]) options!: ComponentSettingOptionDto[];
}

@ObjectType('ComponentActionGrant', {
  description:
    'Actions granted to one holder (a space role, PARTICIPANT, ASSEMBLY_MEMBER or ANYONE).',
})
export class ComponentActionGrantDto {
  @Field() holder!: string;
  @Field(() => [String]) actions!: string[];
}

@ObjectType('ComponentResourceType', {
  description: 'A resource a component type holds and the shared capabilities it takes.',
})
export class ComponentResourceTypeDto {
  @Field({ description: 'Upper case, as in the capability enums (PROPOSAL, ARTICLE…).' })
  type!: string;
  @Field(() => LocalizedTextDto) label!: LocalizedTextDto;
  @Field(() => [String], {
    description: 'comments, follows, reports, amendments, history, notifications, personalData.',
  })
  capabilities!: string[];
}

@ObjectType('ComponentTypeManifest', { description: 'A registered component type: its manifest.' })
export class ComponentTypeManifestDto {
  @Field(() => ComponentType) type!: ComponentType;
  @Field(() => LocalizedTextDto) name!: LocalizedTextDto;
  @Field(() => LocalizedTextDto) settingsTitle!: LocalizedTextDto;
  @Field(() => [ComponentSettingSpecDto]) settings!: ComponentSettingSpecDto[];
  @Field(() => [ComponentActionGrantDto]) actions!: ComponentActionGrantDto[];
  @Field(() => [ComponentResourceTypeDto]) resources!: ComponentResourceTypeDto[];
}
