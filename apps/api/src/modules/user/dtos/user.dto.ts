import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserEntity } from '../entities/user.entity';

/** An account as its owner and administrators see it (e-mail included). */
@ObjectType('User', { description: 'An account, as its owner and administrators see it.' })
export class UserDto {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field({ description: 'The address was confirmed by its mailed link.' }) emailConfirmed!: boolean;
  @Field({ description: 'Organization administrator.' }) isAdmin!: boolean;
  @Field({ description: 'Account created as demo data.' }) isDemo!: boolean;
  @Field({ description: 'Preferred interface language: fr or en.' }) locale!: string;
  @Field() createdAt!: Date;
}

/** Maps an account row to its GraphQL view. */
export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailConfirmed: user.emailConfirmedAt != null,
    isAdmin: user.isAdmin,
    isDemo: user.isDemo,
    locale: user.locale,
    createdAt: user.createdAt,
  };
}
