import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A participatory text: the imported structure of a PARTICIPATORY_TEXT component; fixed once published. */
@Entity('participatory_texts')
export class ParticipatoryTextEntity {
  @PrimaryColumn('uuid', { name: 'component_id' }) componentId!: string;
  @Column('timestamptz', { name: 'imported_at' }) importedAt!: Date;
  @Column('uuid', { name: 'imported_by', nullable: true }) importedBy!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
}

/** A heading of a participatory text; sections nest by heading level. */
@Entity('text_sections')
export class TextSectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('smallint') level!: number;
  @Column('int') position!: number;
  @Column('text') title!: string;
}

/** An article (a paragraph or a list of the source) at its current version; numbered in document order. */
@Entity('text_articles')
export class TextArticleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'section_id', nullable: true }) sectionId!: string | null;
  @Column('int') number!: number;
  @Column('text') body!: string;
  @Column('int') version!: number;
  @Column('int', { name: 'comments_count' }) commentsCount!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One version of an article (1 = as imported; later ones written by accepted amendments). */
@Entity('article_versions')
export class ArticleVersionEntity {
  @PrimaryColumn('uuid', { name: 'article_id' }) articleId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('text') body!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('uuid', { name: 'amendment_id', nullable: true }) amendmentId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** One version of a proposal (1 written lazily at the first accepted amendment). */
@Entity('proposal_versions')
export class ProposalVersionEntity {
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('uuid', { name: 'amendment_id', nullable: true }) amendmentId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
