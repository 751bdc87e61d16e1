import { useState, type FormEvent } from 'react';
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
          maxLength={200}
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
