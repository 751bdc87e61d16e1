import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../ui/components/Fields';
import {
  PROPOSAL_ORDERS,
  PROPOSAL_STATES,
  type ProposalOrder,
  type ProposalState,
  type SupportsState,
} from '../graphql/proposals';

/** What the participant chose to see: order, state, own/supported proposals, search words. */
export interface ProposalListChoice {
  order: ProposalOrder;
  state: ProposalState | '';
  mine: boolean;
  supportedByMe: boolean;
  search: string;
}

export const DEFAULT_CHOICE: ProposalListChoice = {
  order: 'RANDOM',
  state: '',
  mine: false,
  supportedByMe: false,
  search: '',
};

/** The choice's place in the page's address: French parameter names and values, defaults left out. */
const ORDER_SLUGS: Record<ProposalOrder, string> = {
  RANDOM: 'aleatoire',
  RECENT: 'recentes',
  MOST_SUPPORTED: 'plus-soutenues',
  MOST_COMMENTED: 'plus-commentees',
  MOST_FOLLOWED: 'plus-suivies',
  CONSENSUS: 'consensus',
};
const STATE_SLUGS: Record<ProposalState, string> = {
  NOT_ANSWERED: 'sans-reponse',
  EVALUATING: 'en-evaluation',
  ACCEPTED: 'acceptees',
  REJECTED: 'rejetees',
  WITHDRAWN: 'retirees',
};
/** The query-string parameters a proposal list owns (others in the address are kept). */
export const CHOICE_PARAMS = ['ordre', 'etat', 'recherche', 'mes', 'soutenues'] as const;
const SEARCH_MAX = 200;

function bySlug<K extends string>(slugs: Record<K, string>, slug: string | null): K | undefined {
  return (Object.keys(slugs) as K[]).find((key) => slugs[key] === slug);
}

/**
 * The choice an address holds (`?ordre=recentes&etat=acceptees&recherche=…&mes=1&soutenues=1`),
 * so that Back, a reload and a shared link show the same list. Unknown values fall back to the
 * default; the caller still drops what the component or the viewer cannot use.
 */
export function choiceFromParams(params: URLSearchParams): ProposalListChoice {
  return {
    order: bySlug(ORDER_SLUGS, params.get('ordre')) ?? DEFAULT_CHOICE.order,
    state: bySlug(STATE_SLUGS, params.get('etat')) ?? '',
    search: (params.get('recherche') ?? '').trim().slice(0, SEARCH_MAX),
    mine: params.get('mes') === '1',
    supportedByMe: params.get('soutenues') === '1',
  };
}

/** `params` with the choice written in place of the list's own parameters (defaults omitted). */
export function paramsWithChoice(
  params: URLSearchParams,
  choice: ProposalListChoice,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of CHOICE_PARAMS) next.delete(name);
  if (choice.order !== DEFAULT_CHOICE.order) next.set('ordre', ORDER_SLUGS[choice.order]);
  if (choice.state) next.set('etat', STATE_SLUGS[choice.state]);
  if (choice.search) next.set('recherche', choice.search);
  if (choice.mine) next.set('mes', '1');
  if (choice.supportedByMe) next.set('soutenues', '1');
  return next;
}

/** Whether the choice narrows the list (a search, a state, one's own or supported proposals). */
export function isNarrowed(choice: ProposalListChoice): boolean {
  return Boolean(choice.search || choice.state || choice.mine || choice.supportedByMe);
}

/**
 * The orders offered: all six, except "Les plus soutenues" when the component hides supports,
 * and "Consensus" unless the component enables « pas d'accord » with visible supports (the API
 * refuses those orders then).
 */
export function availableOrders(
  supportsState: SupportsState,
  disagreementsEnabled = false,
): ProposalOrder[] {
  return PROPOSAL_ORDERS.filter((order) => {
    if (order === 'MOST_SUPPORTED') return supportsState !== 'HIDDEN';
    if (order === 'CONSENSUS') return disagreementsEnabled && supportsState !== 'HIDDEN';
    return true;
  });
}

interface ProposalFiltersProps {
  choice: ProposalListChoice;
  onChange: (choice: ProposalListChoice) => void;
  supportsState: SupportsState;
  /** The component enables « pas d'accord » (and so the CONSENSUS order). */
  disagreementsEnabled?: boolean;
  signedIn: boolean;
}

/**
 * The controls above the proposal list: order selector, state filter, "Mes propositions" /
 * "Celles que je soutiens" (signed-in participants), and a search form (applied on submit).
 */
export function ProposalFilters({
  choice,
  onChange,
  supportsState,
  disagreementsEnabled = false,
  signedIn,
}: ProposalFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(choice.search);
  // the address changed under the form (Back, a link): the field shows the search applied
  useEffect(() => setSearch(choice.search), [choice.search]);

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ ...choice, search: search.trim() });
  }

  return (
    <div className="proposal-filters">
      <form
        className="form proposal-filters__search"
        role="search"
        aria-label={t('proposals.filters.search')}
        onSubmit={submitSearch}
      >
        <TextField
          label={t('proposals.filters.search')}
          hint={t('proposals.filters.searchHint')}
          type="search"
          name="search"
          value={search}
          maxLength={SEARCH_MAX}
          onChange={(event) => setSearch(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t('proposals.filters.searchSubmit')}
          </button>
          {choice.search ? (
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setSearch('');
                onChange({ ...choice, search: '' });
              }}
            >
              {t('proposals.filters.clearSearch')}
            </button>
          ) : null}
        </div>
      </form>
      <fieldset className="proposal-filters__controls">
        <legend>{t('proposals.filters.legend')}</legend>
        <SelectField
          label={t('proposals.order.label')}
          name="order"
          value={choice.order}
          onChange={(event) => onChange({ ...choice, order: event.target.value as ProposalOrder })}
          options={availableOrders(supportsState, disagreementsEnabled).map((order) => ({
            value: order,
            label: t(`proposals.order.${order}`),
          }))}
        />
        <SelectField
          label={t('proposals.filters.state')}
          name="state"
          value={choice.state}
          onChange={(event) =>
            onChange({ ...choice, state: event.target.value as ProposalState | '' })
          }
          options={[
            { value: '', label: t('proposals.filters.allStates') },
            ...PROPOSAL_STATES.map((state) => ({
              value: state,
              label: t(`proposals.state.${state}`),
            })),
          ]}
        />
        {signedIn ? (
          <>
            <CheckboxField
              label={t('proposals.filters.mine')}
              name="mine"
              checked={choice.mine}
              onChange={(event) => onChange({ ...choice, mine: event.target.checked })}
            />
            <CheckboxField
              label={t('proposals.filters.supportedByMe')}
              name="supportedByMe"
              checked={choice.supportedByMe}
              onChange={(event) => onChange({ ...choice, supportedByMe: event.target.checked })}
            />
          </>
        ) : null}
      </fieldset>
    </div>
  );
}
