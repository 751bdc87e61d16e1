import { DataExportStatus } from '@concerto/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(DataExportStatus, {
  name: 'DataExportStatus',
  description:
    'PENDING (being prepared), READY (downloadable once), DOWNLOADED, EXPIRED (not downloaded within 7 days), FAILED.',
});

@ObjectType('DataExport', { description: 'A "download my data" export of the signed-in user.' })
export class DataExportDto {
  @Field(() => ID) id!: string;
  @Field(() => DataExportStatus) status!: DataExportStatus;
  @Field() requestedAt!: Date;
  @Field(() => Date, { nullable: true }) readyAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'After this moment the file is deleted.' })
  expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) downloadedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Size of the ZIP file in bytes.' }) byteSize!:
    | number
    | null;
  @Field(() => String, {
    nullable: true,
    description: 'Path of the one-time download (GET, same session), while READY.',
  })
  downloadPath!: string | null;
}
