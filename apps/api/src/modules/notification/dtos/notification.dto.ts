import { NotificationKind } from '@concerto/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional } from 'class-validator';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'Kinds of notification (each can be switched off).',
});
export const EmailDeliveryEnum = {
  NONE: 'NONE',
  IMMEDIATE: 'IMMEDIATE',
  DIGEST: 'DIGEST',
} as const;
registerEnumType(EmailDeliveryEnum, {
  name: 'EmailDelivery',
  description: 'E-mail: none, one per notification, or a daily digest.',
});

@ObjectType('Notification')
export class NotificationDto {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field(() => Int, { description: 'Increasing in creation order.' }) sequence!: number;
  @Field() title!: string;
  @Field() body!: string;
  @Field({ description: 'Path in the web app.' }) link!: string;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) readAt!: string | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeDto {
  @Field() cursor!: string;
  @Field(() => NotificationDto) node!: NotificationDto;
}

@ObjectType('NotificationConnection', { description: 'The inbox, newest first.' })
export class NotificationConnectionDto {
  @Field(() => [NotificationEdgeDto]) edges!: NotificationEdgeDto[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('NotificationSettings')
export class NotificationSettingsDto {
  @Field(() => [NotificationKind], { description: 'Kinds switched off.' })
  disabledKinds!: NotificationKind[];
  @Field(() => EmailDeliveryEnum) emailDelivery!: keyof typeof EmailDeliveryEnum;
}

@InputType()
export class NotificationSettingsInput {
  @Field(() => [NotificationKind], { nullable: true })
  @IsOptional()
  @IsEnum(NotificationKind, { each: true })
  disabledKinds?: NotificationKind[];
  @Field(() => EmailDeliveryEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EmailDeliveryEnum))
  emailDelivery?: keyof typeof EmailDeliveryEnum;
}
