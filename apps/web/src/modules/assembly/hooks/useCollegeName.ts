import { useQuery } from '@apollo/client/react';
import { gql, type TypedDocumentNode } from '@apollo/client';
import { useCallback } from 'react';
import { useParams } from 'react-router';

interface CollegeSettingsData {
  space: { id: string; components: Array<{ id: string; type: string; settings: unknown }> } | null;
}

/** The colleges an assembly's MOTIONS components declare (`settings.colleges`: key and name). */
export const COLLEGE_SETTINGS_QUERY: TypedDocumentNode<CollegeSettingsData, { slug: string }> = gql`
  query CollegeSettings($slug: String!) {
    space(slug: $slug) {
      id
      components {
        id
        type
        settings
      }
    }
  }
`;

function collegesOf(settings: unknown): Array<{ key: string; name: string }> {
  const list = (settings as { colleges?: unknown } | null)?.colleges;
  return Array.isArray(list)
    ? list.filter(
        (c): c is { key: string; name: string } =>
          typeof c?.key === 'string' && typeof c?.name === 'string',
      )
    : [];
}

/**
 * The readable name of a college key (« Établissements de soins » for `etablissements-soins`),
 * from the settings of the current space's MOTIONS components (the space is the route's `:slug`).
 * Unknown keys are shown as they are.
 */
export function useCollegeName(): (key: string) => string {
  const { slug = '' } = useParams();
  const { data } = useQuery(COLLEGE_SETTINGS_QUERY, { variables: { slug }, skip: !slug });
  const components = data?.space?.components;
  return useCallback(
    (key: string) => {
      for (const component of components ?? []) {
        const found = collegesOf(component.settings).find((college) => college.key === key);
        if (found) return found.name;
      }
      return key;
    },
    [components],
  );
}
