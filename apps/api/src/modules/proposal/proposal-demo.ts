import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { seededRandom } from '../../common/opinion/seeded-random';

/** A demo voter and the opinion archetype they react with (the demo debate's archetypes). */
export interface DemoReactor {
  userId: string;
  archetype: string;
}

/**
 * Seeds the demo reactions of a PROPOSALS component whose « pas d'accord » is on (called by the
 * demo module, inside its transaction; writes only this module's tables): each demo voter reacts
 * to a proposal with probability 0.45, by a support or a « pas d'accord » drawn from their
 * archetype's stance. One proposal in three is shared by every archetype (mostly supported by
 * all); the others split them (one archetype for, one against, one torn), so the CONSENSUS order
 * puts first the proposals supported across the opinion groups, not merely the most supported.
 * The component's proposals are taken in report order (`position_index`). Seeded: every fresh database gets the same reactions. The counters move with the rows.
 * @returns the supports and disagreements inserted
 */
export async function insertDemoProposalReactions(
  manager: EntityManager,
  componentId: string,
  reactors: DemoReactor[],
  seed = 2021,
): Promise<{ supports: number; disagreements: number }> {
  const proposalIds = (
    await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM proposals WHERE component_id = $1 ORDER BY position_index`,
      [componentId],
    )
  ).map((p) => p.id);
  const random = seededRandom(seed);
  const archetypes = [...new Set(reactors.map((r) => r.archetype))].sort();
  // chance of a support (else « pas d'accord ») per proposal and archetype
  const stance = proposalIds.map((_, k) => {
    const chance = new Map<string, number>();
    if (k % 3 === 0) for (const a of archetypes) chance.set(a, 0.8 + 0.15 * random());
    else {
      const pro = archetypes[k % archetypes.length];
      const contra = archetypes[(k + 1) % archetypes.length];
      for (const a of archetypes)
        chance.set(a, a === pro ? 0.9 : a === contra ? 0.1 + 0.1 * random() : 0.5);
    }
    return chance;
  });
  const supports: { p: string[]; u: string[] } = { p: [], u: [] };
  const disagreements: { p: string[]; u: string[] } = { p: [], u: [] };
  for (const r of reactors)
    proposalIds.forEach((proposalId, k) => {
      if (random() >= 0.45) return;
      const into = random() < (stance[k].get(r.archetype) ?? 0.5) ? supports : disagreements;
      into.p.push(proposalId);
      into.u.push(r.userId);
    });
  await manager.query(
    `INSERT INTO proposal_supports (proposal_id, component_id, user_id) SELECT p, $1, u FROM unnest($2::uuid[], $3::uuid[]) AS x(p, u)`,
    [componentId, supports.p, supports.u],
  );
  await manager.query(
    `INSERT INTO proposal_disagreements (proposal_id, component_id, user_id) SELECT p, $1, u FROM unnest($2::uuid[], $3::uuid[]) AS x(p, u)`,
    [componentId, disagreements.p, disagreements.u],
  );
  await manager.query(
    `UPDATE proposals p SET supports_count = (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted)::int,
            disagreements_count = (SELECT count(*) FROM proposal_disagreements d WHERE d.proposal_id = p.id)::int
      WHERE p.component_id = $1`,
    [componentId],
  );
  return { supports: supports.p.length, disagreements: disagreements.p.length };
}
