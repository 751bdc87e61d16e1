import { Field, ID, ObjectType } from '@nestjs/graphql';

/** The kinds of resource another one can come from (today: a petition that became a proposal or a motion). */
export type ResourceOriginType = 'PETITION';

/**
 * Where a resource comes from, as its owner stored it when it was created from another module's
 * resource (the owner never reads the origin's tables: title and web path are copied at creation).
 */
export interface ResourceOrigin {
  type: ResourceOriginType;
  id: string;
  /** The origin's title at creation (a published petition's title no longer changes). */
  title: string;
  /** The origin's page in the web app (a path of this site). */
  link: string;
}

@ObjectType('ResourceOrigin', {
  description: 'What a proposal or motion comes from (« Issue de la pétition … »).',
})
export class ResourceOriginDto implements ResourceOrigin {
  @Field(() => String, { description: 'PETITION.' }) type!: ResourceOriginType;
  @Field(() => ID) id!: string;
  @Field({ description: 'The origin’s title when the resource was created from it.' })
  title!: string;
  @Field({ description: 'The origin’s page in the web app.' }) link!: string;
}
