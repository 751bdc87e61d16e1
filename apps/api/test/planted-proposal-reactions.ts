import { seededRandom } from '../src/common/opinion/seeded-random';
import type { ProposalReactionTriple } from '../src/modules/proposal/ordering/consensus-ranking';

/**
 * Known answer: two planted opinion groups (12 and 8 participants). Group A supports A1–A4 and
 * disagrees with B1–B4; group B the reverse; each participant reacts to each of them with
 * probability 0.8 (seeded), as real participants skip some. Five members of each group support
 * BRIDGE. The A proposals gather about 10 supports each, BRIDGE 10: it is not the most
 * supported, yet the only proposal both groups back, so it must rank first under group-informed
 * consensus.
 */
export function plantedReactions(seed = 7): {
  candidates: { id: string; supportsCount: number }[];
  reactions: ProposalReactionTriple[];
} {
  const reactions: ProposalReactionTriple[] = [];
  const random = seededRandom(seed);
  const groups = [
    { name: 'a', size: 12, own: ['A1', 'A2', 'A3', 'A4'], other: ['B1', 'B2', 'B3', 'B4'] },
    { name: 'b', size: 8, own: ['B1', 'B2', 'B3', 'B4'], other: ['A1', 'A2', 'A3', 'A4'] },
  ];
  for (const g of groups) {
    for (let i = 0; i < g.size; i++) {
      const participant = `${g.name}${i}`;
      for (const p of g.own)
        if (random() < 0.8) reactions.push({ participant, proposal: p, value: 1 });
      for (const p of g.other)
        if (random() < 0.8) reactions.push({ participant, proposal: p, value: -1 });
      if (i < 5) reactions.push({ participant, proposal: 'BRIDGE', value: 1 });
    }
  }
  const ids = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'BRIDGE', 'UNSEEN'];
  const supports = new Map<string, number>();
  for (const r of reactions)
    if (r.value === 1) supports.set(r.proposal, (supports.get(r.proposal) ?? 0) + 1);
  return { candidates: ids.map((id) => ({ id, supportsCount: supports.get(id) ?? 0 })), reactions };
}
