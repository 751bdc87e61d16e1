/**
 * The schema's `JSON` scalar is `unknown` in the generated types. `TypedJson<T, J>` is the generated
 * type `T` with every field that `J` names, at any depth (through objects, arrays and nullables),
 * typed as `J` documents it: a document declares once, at the boundary, what its JSON fields hold —
 * `TypedDocumentNode<TypedJson<BallotQuery, BallotJson>, BallotQueryVariables>` — instead of `any`
 * or a hand-written copy of the whole result.
 */
export type TypedJson<T, J> = T extends readonly (infer E)[]
  ? TypedJson<E, J>[]
  : T extends object
    ? { [K in keyof T]: K extends keyof J ? J[K] : TypedJson<T[K], J> }
    : T;
