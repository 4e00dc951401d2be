/** A parsed JSON object whose fields are read with the narrowing helpers below, never trusted blindly. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or an empty one (absent optional sections). */
export function objectOf(value: unknown): Json {
  return isObject(value) ? value : {};
}

/** The value as an array of objects (non-objects dropped), or an empty one. */
export function objectsOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export const isPresent = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
