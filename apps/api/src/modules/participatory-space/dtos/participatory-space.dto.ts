import { AssemblyPosition, ComponentType, SpaceRole, SpaceType } from '@concerto/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BoundedJSON } from '../../../common/graphql/json-scalar';
import '../../../platform/dtos/component-type.dto'; // registers the ComponentType enum

registerEnumType(SpaceType, {
  name: 'SpaceType',
  description: 'PROCESS = Concertation, ASSEMBLY = Assemblée.',
});
registerEnumType(SpaceRole, { name: 'SpaceRole', description: 'Roles inside one space.' });
registerEnumType(AssemblyPosition, {
  name: 'AssemblyPosition',
  description: 'Position of an assembly member.',
});

@ObjectType('SpacePhase', { description: 'A phase (step) of a Concertation.' })
export class SpacePhaseDto {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '0-based order within the space.' }) position!: number;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) startDate!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD), inclusive.' })
  endDate!: string | null;
  @Field({ description: 'The current phase; at most one per space.' }) active!: boolean;
}

@ObjectType('Component', { description: 'A component (Fonctionnalité) of a space.' })
export class ComponentDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) spaceId!: string;
  @Field(() => ComponentType) type!: ComponentType;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => Int) position!: number;
  @Field() published!: boolean;
  @Field(() => BoundedJSON, { description: 'Type-specific settings.' }) settings!: Record<
    string,
    unknown
  >;
}

@ObjectType('ParticipatorySpace', {
  description: 'A Concertation (PROCESS) or an Assemblée (ASSEMBLY).',
})
export class ParticipatorySpaceDto {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field(() => SpaceType) type!: SpaceType;
  @Field() title!: string;
  @Field() subtitle!: string;
  @Field({ description: 'Plain text; paragraphs separated by blank lines.' }) description!: string;
  @Field() published!: boolean;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field({ description: 'Created as demo content from the seed report.' }) isDemo!: boolean;
  @Field() createdAt!: Date;
  @Field(() => [SpacePhaseDto], { description: 'Phases in order (processes only).' })
  phases!: SpacePhaseDto[];
  @Field(() => [ComponentDto], {
    description: 'Components in order; unpublished ones only for the space’s admins.',
  })
  components!: ComponentDto[];
  @Field(() => [SpaceRole], { description: 'Roles the caller holds in this space.' })
  viewerRoles!: SpaceRole[];
  @Field({ description: 'Whether the caller may administer this space.' })
  viewerCanAdminister!: boolean;
  @Field({ description: 'Whether the caller follows this space (told about its new proposals).' })
  viewerFollows!: boolean;
}

@ObjectType('SpaceRoleAssignment', { description: 'A role held by a user in a space.' })
export class SpaceRoleAssignmentDto {
  @Field(() => ID) id!: string;
  @Field(() => SpaceRole) role!: SpaceRole;
  @Field(() => ID) userId!: string;
  @Field() userName!: string;
  @Field() userEmail!: string;
  @Field() createdAt!: Date;
}

@ObjectType('AssemblyMember', { description: 'A member of an Assemblée.' })
export class AssemblyMemberDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field() userName!: string;
  @Field(() => AssemblyPosition) position!: AssemblyPosition;
  @Field(() => String, {
    nullable: true,
    description: 'College key, when the assembly uses colleges.',
  })
  college!: string | null;
  @Field(() => Float, { description: 'Voting weight (default 1).' }) weight!: number;
  @Field() joinedAt!: Date;
  @Field(() => Date, { nullable: true }) leftAt!: Date | null;
}
