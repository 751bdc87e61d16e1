import type { EntityManager } from 'typeorm';
import { fitBradleyTerry, type Comparison } from './ranking/bradley-terry';
import { mulberry32, selectPair } from './ranking/pair-selection';

/** The demo Boîte à idées, as read from `demo/data/ideas.json`. */
export interface DemoIdeasFile {
  componentTitle: string;
  componentDescription: string;
  question: string;
  description: string;
  /** Seed ideas; `appeal` (log-strength) and `favouredBy` (typology keys that like it more) only drive the synthetic answers. */
  ideas: { body: string; appeal: number; favouredBy: string[] }[];
  demoVoters: {
    perTypology: number;
    answersPerVoter: number;
    dontKnowRate: number;
    favouredBonus: number;
    seed: number;
  };
}

/**
 * Loads the demo Boîte à idées (called by the demo module, inside its transaction): the box, its
 * seed ideas, and synthetic answers by demo voters (marked `is_demo`), then the scores. The
 * answers are drawn with a seeded generator from a Bradley–Terry model: each idea's `appeal`,
 * plus `favouredBonus` for the voter's typology when the idea lists it, so the scores by
 * respondent type differ; pairs come from {@link selectPair} as in the booth. Deterministic.
 * Writes only this module's tables.
 * @param voters demo accounts (users.is_demo) with their typology key
 * @returns the box id
 */
export async function insertDemoIdeaBox(
  manager: EntityManager,
  componentId: string,
  spaceId: string,
  file: DemoIdeasFile,
  voters: { userId: string; typologyKey: string | null }[],
): Promise<string> {
  const [box] = await manager.query(
    `INSERT INTO idea_boxes (component_id, space_id, question, description, published_at, is_demo) VALUES ($1, $2, $3, $4, now(), true) RETURNING id`,
    [componentId, spaceId, file.question, file.description],
  );
  await manager.query(
    `INSERT INTO ideas (box_id, body, origin, status, is_demo, created_at)
     SELECT $1, body, 'SEED', 'PUBLISHED', true, now() + n * interval '1 microsecond' FROM unnest($2::text[]) WITH ORDINALITY AS s(body, n)`,
    [box.id, file.ideas.map((i) => i.body)],
  );
  const ideas: { id: string }[] = await manager.query(
    `SELECT id FROM ideas WHERE box_id = $1 ORDER BY created_at`,
    [box.id],
  );
  const random = mulberry32(file.demoVoters.seed);
  const comparisons: Comparison[] = [];
  let fit = fitBradleyTerry(ideas.length, []);
  const rows: { voter: number; left: number; right: number; choice: string }[] = [];
  const voterIds: string[] = [];
  for (const voter of voters) {
    const [row] = await manager.query(
      `INSERT INTO idea_voters (user_id, is_demo) VALUES ($1, true) ON CONFLICT (user_id) DO UPDATE SET is_demo = true RETURNING id`,
      [voter.userId],
    );
    voterIds.push(row.id);
  }
  for (let v = 0; v < voters.length; v++) {
    const strength = file.ideas.map(
      (i) =>
        i.appeal +
        (voters[v].typologyKey && i.favouredBy.includes(voters[v].typologyKey!)
          ? file.demoVoters.favouredBonus
          : 0),
    );
    let last: [number, number] | null = null;
    for (let a = 0; a < file.demoVoters.answersPerVoter; a++) {
      const pair = selectPair(
        ideas.map((_, i) => ({
          comparisons: fit.comparisons[i],
          intervalWidth: fit.scoreHigh[i] - fit.scoreLow[i],
        })),
        { random, avoid: last },
      );
      if (!pair) break;
      last = pair;
      const [left, right] = pair;
      let choice: string;
      if (random() < file.demoVoters.dontKnowRate) choice = 'DONT_KNOW';
      else {
        const leftWins = random() < 1 / (1 + Math.exp(strength[right] - strength[left]));
        choice = leftWins ? 'LEFT' : 'RIGHT';
        comparisons.push(
          leftWins ? { winner: left, loser: right } : { winner: right, loser: left },
        );
      }
      rows.push({ voter: v, left, right, choice });
    }
    fit = fitBradleyTerry(ideas.length, comparisons, { initial: fit.strengths });
  }
  await manager.query(
    `INSERT INTO idea_pairs (box_id, voter_id, left_idea_id, right_idea_id, choice, shown_at, answered_at, is_demo)
     SELECT $1, v, l, r, c, now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, true
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) WITH ORDINALITY AS x(v, l, r, c, n)`,
    [
      box.id,
      rows.map((r) => voterIds[r.voter]),
      rows.map((r) => ideas[r.left].id),
      rows.map((r) => ideas[r.right].id),
      rows.map((r) => r.choice),
    ],
  );
  const wins = new Array<number>(ideas.length).fill(0);
  const losses = new Array<number>(ideas.length).fill(0);
  for (const c of comparisons) {
    wins[c.winner]++;
    losses[c.loser]++;
  }
  const final = fitBradleyTerry(ideas.length, comparisons, {
    initial: fit.strengths,
    tolerance: 1e-7,
  });
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  await manager.query(
    `UPDATE ideas SET wins = u.w, losses = u.l, strength = u.s, score = u.sc, score_low = u.lo, score_high = u.hi
       FROM unnest($1::uuid[], $2::int[], $3::int[], $4::float8[], $5::float8[], $6::float8[], $7::float8[]) AS u(id, w, l, s, sc, lo, hi) WHERE ideas.id = u.id`,
    [
      ideas.map((i) => i.id),
      wins,
      losses,
      final.strengths,
      final.scores.map(clamp),
      final.scoreLow.map(clamp),
      final.scoreHigh.map(clamp),
    ],
  );
  await manager.query(
    `UPDATE idea_boxes SET scored_comparisons = $2, scored_at = now() WHERE id = $1`,
    [box.id, comparisons.length],
  );
  return box.id;
}
