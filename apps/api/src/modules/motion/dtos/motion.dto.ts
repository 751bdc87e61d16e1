import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Motion', { description: 'A motion an Assemblée decides on.' })
export class MotionDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => String, { nullable: true, description: 'Reference in the source document, e.g. "A2-1".' }) reference!: string | null;
  @Field() title!: string;
  @Field() body!: string;
  @Field() createdAt!: Date;
}
