import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type FollowableType =
  | 'PROPOSAL'
  | 'SPACE'
  | 'ARTICLE'
  | 'MOTION'
  | 'AMENDMENT'
  | 'SURVEY'
  | 'COMMENT'
  | 'PETITION'
  | 'MEETING'
  | 'BALLOT'
  | 'IDEA'
  | 'DEBATE'
  | 'NEWS_POST';

/** A user following a resource (Decidim's follows): the notifications feature reads these. */
@Entity('follows')
export class FollowEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text', { name: 'followable_type' }) followableType!: FollowableType;
  @PrimaryColumn('uuid', { name: 'followable_id' }) followableId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
