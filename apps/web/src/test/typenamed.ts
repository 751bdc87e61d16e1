/**
 * A generated result type as the Apollo cache and the mocks hold it: every object may carry its
 * `__typename`, which the generated types leave out (`skipTypename`). Test fixtures are typed with it.
 */
export type Typenamed<T> = T extends readonly (infer E)[]
  ? Typenamed<E>[]
  : T extends object
    ? { [K in keyof T]: Typenamed<T[K]> } & { __typename?: string }
    : T;
