import { i18n } from '../../i18n/i18n';
import {
  choiceOf,
  describeChoice,
  draftOf,
  draftProblem,
  emptyDraft,
  moveInRanking,
  placeInRanking,
  receiptFileText,
} from './ballot-display';
import {
  mjQuestion,
  multipleQuestion,
  rankedQuestion,
  singleQuestion,
} from './test/ballot-fixtures';

const fixed = i18n.getFixedT('fr');
/** French strings carry no-break spaces before « : » and inside guillemets; compared here with plain spaces. */
const t = ((key: string, options?: Record<string, unknown>) =>
  String(fixed(key, options as never)).replace(/\u00a0/g, ' ')) as unknown as typeof fixed;

describe('ballot-display', () => {
  it('checks a draft as the API does: one option, MULTIPLE within [min, max], a non-empty ranking, every option graded', () => {
    expect(draftProblem(singleQuestion, emptyDraft())).toEqual({ kind: 'NONE_CHOSEN' });
    expect(draftProblem(singleQuestion, { ...emptyDraft(), optionIds: ['s1'] })).toBeNull();
    expect(draftProblem(multipleQuestion, { ...emptyDraft(), optionIds: ['m1'] })).toEqual({
      kind: 'TOO_FEW',
      min: 2,
      max: 3,
    });
    expect(
      draftProblem(multipleQuestion, { ...emptyDraft(), optionIds: ['m1', 'm2', 'm3', 'm4'] }),
    ).toEqual({ kind: 'TOO_MANY', min: 2, max: 3 });
    expect(
      draftProblem(multipleQuestion, { ...emptyDraft(), optionIds: ['m1', 'm2', 'm3'] }),
    ).toBeNull();
    expect(draftProblem(rankedQuestion, emptyDraft())).toEqual({ kind: 'NONE_RANKED' });
    expect(draftProblem(rankedQuestion, { ...emptyDraft(), ranking: ['r2'] })).toBeNull();
    expect(
      draftProblem(mjQuestion, {
        ...emptyDraft(),
        grades: { j1: 'GOOD', j2: 'REJECT', j4: 'EXCELLENT' },
      }),
    ).toEqual({ kind: 'UNGRADED', optionId: 'j3' });
  });

  it('moves and places options in a ranking without losing or duplicating any', () => {
    expect(moveInRanking(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInRanking(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInRanking(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(placeInRanking(['a', 'b', 'c'], 'c', 1)).toEqual(['c', 'a', 'b']);
    expect(placeInRanking(['a', 'b'], 'd', 9)).toEqual(['a', 'b', 'd']);
    expect(placeInRanking(['a', 'b', 'c'], 'b', 0)).toEqual(['a', 'c']);
  });

  it('sends the API’s choice shapes and reads a public vote back', () => {
    const draft = { optionIds: ['m1'], ranking: ['r3', 'r1'], grades: { j1: 'GOOD' as const } };
    expect(choiceOf('MULTIPLE', draft)).toEqual({ optionIds: ['m1'] });
    expect(choiceOf('RANKED', draft)).toEqual({ ranking: ['r3', 'r1'] });
    expect(choiceOf('MAJORITY_JUDGMENT', draft)).toEqual({ grades: { j1: 'GOOD' } });
    expect(draftOf({ ranking: ['r2'] }).ranking).toEqual(['r2']);
  });

  it('describes a choice in French for the review and the verification', () => {
    expect(describeChoice({ ranking: ['r3', 'r1'] }, rankedQuestion, t)).toEqual([
      '1. Option C',
      '2. Option A',
      'Non classées : Option B',
    ]);
    expect(
      describeChoice(
        { grades: { j1: 'VERY_GOOD', j2: 'REJECT', j3: 'PASSABLE', j4: 'FAIRLY_GOOD' } },
        mjQuestion,
        t,
      )[1],
    ).toBe('Observatoire du numérique en santé : À rejeter');
    expect(describeChoice(undefined, singleQuestion, t)).toEqual(['Aucun choix']);
  });

  it('writes a receipt file that names the votation and the code and says what it does not prove', () => {
    const text = receiptFileText(
      { title: 'Élection du bureau', closesAt: '2026-12-10T17:00:00Z' },
      'ABCD-EFGH-JKMN',
      '10 décembre 2026 à 18:00',
      t,
    );
    expect(text).toContain('Votation : Élection du bureau');
    expect(text).toContain('Code de reçu : ABCD-EFGH-JKMN');
    expect(text).toContain('Clôture : 10 décembre 2026 à 18:00 (heure de Paris)');
    expect(text).toContain('pas une vérifiabilité cryptographique de bout en bout');
  });
});
