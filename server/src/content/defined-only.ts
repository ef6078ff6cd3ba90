type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** The fields that are set: a zod `.partial()` patch without its `undefined`s, ready to write. */
export function definedOnly<T extends object>(patch: T): Defined<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Defined<T>;
}
