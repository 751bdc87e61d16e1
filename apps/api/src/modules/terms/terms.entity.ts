import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TermsDocumentKind } from '@concerto/domain';

/** One published version of a legal document (terms of use or privacy notice); the current one is the highest version of its kind. */
@Entity('terms_documents')
export class TermsDocumentEntity {
  @PrimaryColumn('text') kind!: TermsDocumentKind;
  @PrimaryColumn('integer') version!: number;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('timestamptz', { name: 'published_at' }) publishedAt!: Date;
}

/** A user's acceptance of one version of a legal document (once: primary key). */
@Entity('terms_acceptances')
export class TermsAcceptanceEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') kind!: TermsDocumentKind;
  @PrimaryColumn('integer') version!: number;
  @Column('timestamptz', { name: 'accepted_at' }) acceptedAt!: Date;
}
