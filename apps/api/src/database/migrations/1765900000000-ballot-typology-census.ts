import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Votations: a census by profile typology (issue 18 « members of chosen typologies »). The keys
 * are those of the members feature's typology list, kept as plain keys (no foreign key into
 * another module's table: the ballot module asks `ProfileService`, and an archived typology
 * keeps its key). Held here: a TYPOLOGY census names at least one typology, any other none.
 */
export class BallotTypologyCensus1765900000000 implements MigrationInterface {
  name = 'BallotTypologyCensus1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ballots ADD COLUMN census_typologies text[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `ALTER TABLE ballots ADD CONSTRAINT ballots_census_typologies_check CHECK ((census_kind = 'TYPOLOGY') = (cardinality(census_typologies) > 0) AND cardinality(census_typologies) <= 50)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM ballots WHERE census_kind = 'TYPOLOGY'`);
    await q.query(`ALTER TABLE ballots DROP CONSTRAINT ballots_census_typologies_check`);
    await q.query(`ALTER TABLE ballots DROP COLUMN census_typologies`);
  }
}
