import { AccountRules } from '@concerto/domain';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { UserDto } from '../../user/dtos/user.dto';
import { IsNotReservedDisplayName } from '../../../common/validation/display-name';
import { trimmedText } from '../../../common/validation/visible-text';
import { withEnglish } from '../../../common/validation/french-validation';

@InputType({ description: 'Sign-up form.' })
export class RegisterInput {
  @Field({
    description: `Display name, ${AccountRules.nameMinLength}–${AccountRules.nameMaxLength} characters.`,
  })
  @Transform(trimmedText)
  @IsString()
  @MinLength(AccountRules.nameMinLength, {
    message: withEnglish('name: au moins 2 caractères', 'name: at least 2 characters'),
  })
  @MaxLength(AccountRules.nameMaxLength, {
    message: withEnglish('name: 80 caractères au plus', 'name: at most 80 characters'),
  })
  @IsNotReservedDisplayName()
  name!: string;

  @Field({ description: 'E-mail; unique regardless of case.' })
  @Transform(trimmedText)
  @IsEmail(
    {},
    {
      message: withEnglish('email: adresse e-mail invalide', 'email: invalid email address'),
    },
  )
  @MaxLength(AccountRules.emailMaxLength)
  email!: string;

  @Field({
    description: `Password, ${AccountRules.passwordMinLength}–${AccountRules.passwordMaxLength} characters.`,
  })
  @IsString()
  password!: string;

  @Field(() => Int, {
    description:
      'Version of the terms of use the person read and accepts; must be the current one (`termsDocuments`).',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  acceptedTermsVersion!: number;

  @Field(() => Int, {
    description:
      'Version of the privacy notice the person read and accepts; must be the current one (`termsDocuments`).',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  acceptedPrivacyVersion!: number;
}

@InputType({ description: 'Change of password: the current one, then the new one.' })
export class ChangePasswordInput {
  @Field() @IsString() @MaxLength(AccountRules.passwordMaxLength) currentPassword!: string;
  @Field({
    description: `New password, ${AccountRules.passwordMinLength}–${AccountRules.passwordMaxLength} characters.`,
  })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}

@InputType({ description: 'Confirmation of an account deletion.' })
export class DeleteMyAccountInput {
  @Field({ description: 'The account’s current password.' })
  @IsString()
  @MaxLength(AccountRules.passwordMaxLength)
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

@ObjectType({
  description: 'A new session: the bearer token (also set as an httpOnly cookie) and its user.',
})
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => UserDto) user!: UserDto;
}

@InputType({ description: 'Request of a password-reset link.' })
export class RequestPasswordResetInput {
  @Field({ description: 'The account’s e-mail address (any letter case).' })
  @Transform(trimmedText)
  @IsEmail(
    {},
    {
      message: withEnglish('email: adresse e-mail invalide', 'email: invalid email address'),
    },
  )
  @MaxLength(AccountRules.emailMaxLength, {
    message: withEnglish('email: adresse trop longue', 'email: address too long'),
  })
  email!: string;
}

@InputType({ description: 'A new password set with a reset link.' })
export class ResetPasswordInput {
  @Field({ description: 'The token of the mailed link (`jeton`).' })
  @IsString()
  @MaxLength(200, {
    message: withEnglish('token: lien invalide', 'token: invalid link'),
  })
  token!: string;

  @Field({
    description: `New password, ${AccountRules.passwordMinLength}–${AccountRules.passwordMaxLength} characters.`,
  })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}

@InputType({ description: 'Confirmation of an e-mail address with its mailed link.' })
export class ConfirmEmailInput {
  @Field({ description: 'The token of the mailed link (`jeton`).' })
  @IsString()
  @MaxLength(200, {
    message: withEnglish('token: lien invalide', 'token: invalid link'),
  })
  token!: string;
}
