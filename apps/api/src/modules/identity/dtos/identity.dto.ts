import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A configured OpenID Connect provider, as the sign-in page shows its button. */
@ObjectType('IdentityProvider', {
  description: 'An OpenID Connect provider one can sign in with (configured by environment).',
})
export class IdentityProviderDto {
  @Field({
    description:
      'Key in the URLs: /auth/oidc/<key>/start (sign in) and /auth/oidc/<key>/link (link, signed in).',
  })
  key!: string;
  @Field({ description: 'Name on the button: « Se connecter avec <label> ».' }) label!: string;
}

/** One of the caller's linked identities. */
@ObjectType('Identity', {
  description: 'An OpenID Connect identity linked to the caller’s account.',
})
export class IdentityDto {
  @Field(() => ID) id!: string;
  @Field({ description: 'Provider key.' }) provider!: string;
  @Field({ description: 'Provider name (the key when the provider is no longer configured).' })
  providerLabel!: string;
  @Field(() => String, {
    nullable: true,
    description: 'E-mail the provider gave at the last sign-in.',
  })
  email!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ProSanté Connect: the practitioner’s RPPS or ADELI number.',
  })
  professionalId!: string | null;
  @Field() createdAt!: Date;
  @Field() lastSignInAt!: Date;
  @Field({
    description:
      'False when unlinking would leave the account no way to sign in (no password, no other identity).',
  })
  unlinkable!: boolean;
}

/** The caller's sign-in methods. */
@ObjectType('SignInMethods', {
  description: 'How the caller can sign in: password and linked identities.',
})
export class SignInMethodsDto {
  @Field({ description: 'The account has a password.' }) password!: boolean;
  @Field(() => [IdentityDto]) identities!: IdentityDto[];
}
