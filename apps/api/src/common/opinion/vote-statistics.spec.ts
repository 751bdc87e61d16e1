import { analyseOpinions } from './opinion-analysis';
import { columnMeans, gramMatrix } from './pca';
import { seededRandom } from './seeded-random';
import { buildVoteMatrix, type VoteTriple, type VoteValue } from './vote-matrix';
import { VoteStatistics } from './vote-statistics';

/** Planted votes: 3 groups with opposite stances, some passes, some statements unseen. */
function plantedVotes(participants: number, statements: number, seed: number) {
  const random = seededRandom(seed);
  const stance = Array.from({ length: 3 }, () =>
    Array.from({ length: statements }, () => (random() < 0.5 ? 1 : -1)),
  );
  const votes = new Map<string, VoteValue>();
  for (let i = 0; i < participants; i++)
    for (let j = 0; j < statements; j++) {
      if (random() > 0.6) continue;
      const v = random() < 0.05 ? 0 : random() < 0.1 ? -stance[i % 3][j] : stance[i % 3][j];
      votes.set(`${String(i).padStart(4, '0')}|${j}`, v as VoteValue);
    }
  return { votes, random };
}

const triples = (votes: Map<string, VoteValue>, statements: string[]): VoteTriple[] =>
  [...votes].map(([key, value]) => {
    const [participant, j] = key.split('|');
    return { participant: `p${participant}`, statement: statements[Number(j)], value };
  });

const rowsOf = (votes: Map<string, VoteValue>) => {
  const rows = new Map<string, { participant: string; cols: number[]; vals: number[] }>();
  for (const [key, value] of votes) {
    const [participant, j] = key.split('|');
    const id = `p${participant}`;
    if (!rows.has(id)) rows.set(id, { participant: id, cols: [], vals: [] });
    rows.get(id)!.cols.push(Number(j));
    rows.get(id)!.vals.push(value);
  }
  return [...rows.values()];
};

describe('VoteStatistics (incremental XᵀX)', () => {
  const S = 40;
  const statements = Array.from({ length: S }, (_, j) => `s${j}`);

  it('after random changes, removals and new participants, equals statistics rebuilt from scratch and the direct XᵀX', () => {
    const { votes, random } = plantedVotes(300, S, 7);
    const kept = new VoteStatistics(statements);
    kept.load(rowsOf(votes));
    for (let round = 0; round < 5; round++) {
      for (let n = 0; n < 400; n++) {
        const i = Math.floor(random() * 340); // beyond 300: new participants
        const j = Math.floor(random() * S);
        const key = `${String(i).padStart(4, '0')}|${j}`;
        const r = random();
        const value: VoteValue | null = r < 0.1 ? null : r < 0.2 ? 0 : r < 0.6 ? 1 : -1;
        if (value === null) votes.delete(key);
        else votes.set(key, value);
        kept.set(`p${key.split('|')[0]}`, j, value);
      }
      const fresh = buildVoteMatrix(triples(votes, statements), statements);
      // the fresh matrix sorted by participant id, like toMatrix
      const sorted = buildVoteMatrix(
        triples(votes, statements).sort((a, b) => (a.participant < b.participant ? -1 : 1)),
        statements,
      );
      const matrix = kept.toMatrix();
      expect(matrix.participants).toEqual(sorted.participants);
      expect(Array.from(matrix.cols)).toEqual(Array.from(sorted.cols));
      expect(Array.from(matrix.vals)).toEqual(Array.from(sorted.vals));
      expect(Array.from(matrix.seen)).toEqual(Array.from(sorted.seen));
      expect(kept.voteCount).toBe(votes.size);

      const direct = gramMatrix(fresh, columnMeans(fresh));
      const incremental = kept.centredGram();
      let worst = 0;
      for (let k = 0; k < direct.length; k++)
        worst = Math.max(worst, Math.abs(direct[k] - incremental[k]));
      expect(worst).toBeLessThan(1e-8);

      const rebuilt = new VoteStatistics(statements);
      rebuilt.load(rowsOf(votes));
      expect(Array.from(rebuilt.centredGram())).toEqual(Array.from(incremental));

      // the whole analysis: same points (within tolerance), same groups, same lists
      const a = analyseOpinions(sorted, { seed: 3 });
      const b = analyseOpinions(matrix, { seed: 3, gram: incremental });
      expect(b.groupOf).toEqual(a.groupOf);
      expect(b.consensus).toEqual(a.consensus);
      expect(b.divisive).toEqual(a.divisive);
      for (let k = 0; k < a.points.length; k++)
        expect(Math.abs(a.points[k] - b.points[k])).toBeLessThan(1e-6);
    }
  });
});
