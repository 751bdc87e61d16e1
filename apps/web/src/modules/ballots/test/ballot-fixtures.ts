import type { BallotQuestion } from '../graphql/ballots';

const options = (prefix: string, titles: string[]) =>
  titles.map((title, i) => ({ id: `${prefix}${i + 1}`, title, description: '', imageAlt: null }));

/** The four structuring actions of annex 2 (seed report), as options. */
export const ACTIONS = [
  'Gouvernance de la filière',
  'Observatoire du numérique en santé',
  'Guichet unique',
  'Formation des professionnels',
];

export const singleQuestion: BallotQuestion = {
  id: 'qs',
  position: 0,
  title: 'Présidence du bureau',
  method: 'SINGLE',
  minChoices: 1,
  maxChoices: 1,
  options: options('s', ['Alice Martin', 'Bruno Petit', 'Chloé Durand']),
};
export const multipleQuestion: BallotQuestion = {
  id: 'qm',
  position: 1,
  title: 'Priorités de la feuille de route',
  method: 'MULTIPLE',
  minChoices: 2,
  maxChoices: 3,
  options: options('m', [
    'Interopérabilité',
    'Cybersécurité',
    'Export',
    'Éthique',
    'Données de santé',
  ]),
};
export const rankedQuestion: BallotQuestion = {
  id: 'qr',
  position: 2,
  title: 'Classement des recommandations',
  method: 'RANKED',
  minChoices: 1,
  maxChoices: 1,
  options: options('r', ['Option A', 'Option B', 'Option C']),
};
export const mjQuestion: BallotQuestion = {
  id: 'qj',
  position: 3,
  title: 'Actions structurantes',
  method: 'MAJORITY_JUDGMENT',
  minChoices: 1,
  maxChoices: 1,
  options: options('j', ACTIONS),
};
