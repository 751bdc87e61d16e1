import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The Markdown source of a participatory text, kept for import into sections and articles. */
@Entity('participatory_text_sources')
export class ParticipatoryTextSourceEntity {
  @PrimaryColumn('uuid', { name: 'component_id' }) componentId!: string;
  @Column('text') markdown!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
