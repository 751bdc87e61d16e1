import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('WeeklyCount', { description: 'How many items one week brought.' })
export class WeeklyCountDto {
  @Field({ description: 'The Monday starting the week (Europe/Paris), `YYYY-MM-DD`.' })
  week!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('KeyFigure', {
  description: 'One key figure (« Chiffre clé »): its total and weekly series.',
})
export class KeyFigureDto {
  @Field({
    description:
      '`members`, `proposals`, `supports`, `comments`, `amendments`, `votes`, `answers` or `meetings`.',
  })
  key!: string;
  @Field(() => Int) total!: number;
  @Field(() => [WeeklyCountDto], {
    description: 'Counts per week, oldest first; weeks without any item are left out.',
  })
  weekly!: WeeklyCountDto[];
}

@ObjectType('TypologyCount', { description: 'Members and organisations of one typology.' })
export class TypologyCountDto {
  @Field(() => ID, {
    nullable: true,
    description: 'Typology key; null = members without a typology.',
  })
  typologyKey!: string | null;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int) members!: number;
  @Field(() => Int, {
    description: 'Distinct organisations named on these members’ profiles (trimmed, any case).',
  })
  organisations!: number;
}

@ObjectType('Statistics', {
  description:
    'Key figures (« Chiffres clés ») of the platform or of one space, exact: counted in the database at `asOf`.',
})
export class StatisticsDto {
  @Field({ description: 'When the figures were counted (« au … »).' }) asOf!: Date;
  @Field(() => ID, { nullable: true, description: 'The space, or null for the whole platform.' })
  spaceId!: string | null;
  @Field(() => [KeyFigureDto]) figures!: KeyFigureDto[];
  @Field(() => [TypologyCountDto], {
    description:
      'Members and organisations per typology (platform figures only; empty for a space).',
  })
  organisationsByTypology!: TypologyCountDto[];
}

@ObjectType('TypologyParticipation', {
  description: 'Participants of a space vs members of the platform, for one typology.',
})
export class TypologyParticipationDto {
  @Field(() => ID, { nullable: true, description: 'Typology key; null = without a typology.' })
  typologyKey!: string | null;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int, {
    description: 'Distinct accounts of this typology that took part in the space.',
  })
  participants!: number;
  @Field(() => Int, { description: 'Members of this typology on the platform.' })
  members!: number;
}

@ObjectType('ParticipationByTypology', {
  description:
    'How representative a space’s participation is: participants per typology against members per typology.',
})
export class ParticipationByTypologyDto {
  @Field() asOf!: Date;
  @Field(() => ID) spaceId!: string;
  @Field(() => Int, { description: 'Distinct participants in all.' }) participants!: number;
  @Field(() => Int, { description: 'Members with a profile in all.' }) members!: number;
  @Field(() => [TypologyParticipationDto]) typologies!: TypologyParticipationDto[];
}
