import type { EntityManager } from 'typeorm';

/**
 * Adds a demo account to the demo Assemblée (weight 1), in the demo loader's transaction —
 * participatory-space's SQL, as `insertDemoBallot` is the ballot module's.
 * @param manager the demo loader's transaction
 * @param spaceId the Assemblée
 * @param userId the demo account
 * @param position its position (`AssemblyPosition`: bureau or member)
 * @param college its college, if any
 */
export async function insertDemoAssemblyMember(
  manager: EntityManager,
  spaceId: string,
  userId: string,
  position: string,
  college: string | null,
): Promise<void> {
  await manager.query(
    `INSERT INTO assembly_members (space_id, user_id, position, college, weight) VALUES ($1, $2, $3, $4, 1)`,
    [spaceId, userId, position, college],
  );
}
