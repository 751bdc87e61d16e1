import { AccountRules } from '@concerto/domain';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from '../../user/dtos/user.dto';
import { trimmedText } from '../../../common/validation/visible-text';

@InputType({ description: 'Sign-up form.' })
export class RegisterInput {
  @Field({ description: `Display name, ${AccountRules.nameMinLength}–${AccountRules.nameMaxLength} characters.` })
  @Transform(trimmedText)
  @IsString()
  @MinLength(AccountRules.nameMinLength, { message: 'name: au moins 2 caractères' })
  @MaxLength(AccountRules.nameMaxLength, { message: 'name: 80 caractères au plus' })
  name!: string;

  @Field({ description: 'E-mail; unique regardless of case.' })
  @Transform(trimmedText)
  @IsEmail({}, { message: 'email: adresse e-mail invalide' })
  @MaxLength(AccountRules.emailMaxLength)
  email!: string;

  @Field({ description: `Password, ${AccountRules.passwordMinLength}–${AccountRules.passwordMaxLength} characters.` })
  @IsString()
  password!: string;
}

@InputType({ description: 'Sign-in form.' })
export class LoginInput {
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(AccountRules.emailMaxLength)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(AccountRules.passwordMaxLength)
  password!: string;
}

@ObjectType({ description: 'A new session: the bearer token (also set as an httpOnly cookie) and its user.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => UserDto) user!: UserDto;
}
