import { Field, ID, ObjectType } from '@nestjs/graphql';

/** An organization administrator (`users.is_admin`), as other administrators see them. */
@ObjectType('OrganizationAdmin', {
  description: 'An organization administrator, as other administrators see them.',
})
export class OrganizationAdminDto {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Date, {
    nullable: true,
    description:
      'When they were last appointed (from the action log); null for the first administrator.',
  })
  appointedAt!: Date | null;
}
