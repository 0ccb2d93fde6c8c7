import type { z } from 'zod';
import { closest } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** `chapters[2].file`, or `(top level)` for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

/** The object keys a schema allows at a path, so a misspelt key can be matched. */
function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let current: AnySchema | undefined = schema;
  const unwrap = (s: AnySchema): AnySchema => {
    const def = s._zod.def as { type: string; innerType?: AnySchema };
    return def.innerType && ['optional', 'default', 'nullable', 'prefault'].includes(def.type) ? unwrap(def.innerType) : s;
  };
  const objectIn = (s: AnySchema): { shape: Record<string, AnySchema> } | undefined => {
    const def = unwrap(s)._zod.def as { type: string; shape?: Record<string, AnySchema>; options?: AnySchema[] };
    if (def.type === 'object') return def as { shape: Record<string, AnySchema> };
    if (def.type === 'union') for (const option of def.options ?? []) {
      const found = objectIn(option);
      if (found) return found;
    }
    return undefined;
  };
  for (const key of path) {
    if (!current) return [];
    const def = unwrap(current)._zod.def as { type: string; element?: AnySchema; options?: AnySchema[] };
    if (typeof key === 'number') {
      current = def.type === 'array' ? def.element : def.options?.map((o) => (unwrap(o)._zod.def as { element?: AnySchema }).element).find(Boolean);
    } else {
      current = objectIn(current)?.shape[String(key)];
    }
  }
  return current ? Object.keys(objectIn(current)?.shape ?? {}) : [];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** One issue, in words an author understands: "what is wrong (what to do)". */
function explain(issue: Issue, schema: AnySchema, input: unknown): string {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path);
      const key = issue.keys[0]!;
      const guess = closest(key, known);
      return guess
        ? `unknown key (did you mean "${guess}"?)`
        : `unknown key (allowed here: ${known.filter((k) => k !== '$schema').join(', ')})`;
    }
    case 'invalid_type': {
      const got = valueAt(input, path);
      if (got === undefined) return `is required (add "${String(path.at(-1))}": …)`;
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeType(got)}`;
    }
    case 'invalid_union': {
      const got = valueAt(input, path);
      if (got === undefined) return `is required (add "${String(path.at(-1))}": …)`;
      // Prefer the branch whose type matched: its complaint is the specific one.
      const branches = issue.errors.filter((branch) => branch.every((inner) => inner.code !== 'invalid_type' || inner.path.length > 0));
      const chosen = branches[0]?.[0];
      if (chosen) return explain({ ...chosen, path: [...path, ...chosen.path] } as Issue, schema, input);
      const expected = issue.errors.map((branch) => branch[0]).filter((inner) => inner?.code === 'invalid_type').map((inner) => (inner as { expected: string }).expected);
      return `must be ${expected.map((e) => (e === 'array' ? 'a list' : `a ${e}`)).join(' or ')}, not ${describeType(got)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(valueAt(input, path))}`;
    case 'too_small':
      return issue.message.startsWith('Too small') ? `is too small (minimum ${String(issue.minimum)})` : issue.message;
    case 'too_big':
      return `is too large (maximum ${String(issue.maximum)})`;
    default:
      return issue.message;
  }
}

/** The path and explanation of the issue an author should fix first. */
export function firstProblem(issues: readonly Issue[], schema: AnySchema, input: unknown): { path: string; message: string; more: number } {
  // A misspelt key explains a "missing" one, so it goes first.
  const ordered = [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  const first = ordered[0]!;
  const path = first.code === 'unrecognized_keys' ? [...first.path, first.keys[0]!] : first.path;
  return { path: formatPath(path as PropertyKey[]), message: explain(first, schema, input), more: issues.length - 1 };
}
