/**
 * Evaluates the subset of GitHub Actions expressions the workflows use in `if:` (literals, contexts,
 * `!`, `==`, `!=`, `&&`, `||`, parentheses, the status functions and `format`), with the documented
 * semantics: `&&`/`||` return an operand, comparisons are loose (strings case-insensitive, mixed types
 * compared as numbers, null as 0) and an `if:` without a status function means `success() && (…)`.
 * An unknown function or syntax throws, so a test never passes on an expression it did not understand.
 */
export type Value = string | number | boolean | null | { [key: string]: Value };
export type Context = Record<string, Value>;

export interface Status {
  /** What success()/failure()/cancelled() see: the job's steps so far, or the needed jobs. */
  status?: 'success' | 'failure' | 'cancelled';
}

const TOKEN = /\s*(\(|\)|!=|==|!|&&|\|\||,|'(?:[^']|'')*'|[A-Za-z_][\w.-]*|-?\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`expression: cannot read "${text.slice(at)}" in ${text}`);
    tokens.push(m[1]);
  }
  return tokens;
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

function truthy(v: Value): boolean {
  return !(v === null || v === false || v === 0 || v === '' || Number.isNaN(v));
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'object' && a !== null) return a === b;
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function lookup(context: Record<string, Value>, path: string): Value {
  let cur: Value = context;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = part in cur ? cur[part] : null;
  }
  return cur;
}

/** Strips `${{ }}` and evaluates; `context` is the expression contexts (inputs, steps, needs, …). */
export function evaluate(expression: string, context: Record<string, Value>, status: Status = {}): Value {
  const text = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (want?: string) => {
    const t = tokens[pos++];
    if (want !== undefined && t !== want)
      throw new Error(`expression: expected ${want}, got ${t} in ${text}`);
    return t;
  };
  const state = status.status ?? 'success';
  const functions: Record<string, (args: Value[]) => Value> = {
    always: () => true,
    success: () => state === 'success',
    failure: () => state === 'failure',
    cancelled: () => state === 'cancelled',
    format: ([f, ...rest]) =>
      String(f).replace(/\{(\d+)\}/g, (_, i: string) => String(rest[Number(i)] ?? '')),
  };

  function or(): Value {
    let left = and();
    while (peek() === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  function and(): Value {
    let left = unary();
    while (peek() === '&&') {
      take();
      const right = unary();
      left = truthy(left) ? right : left;
    }
    return left;
  }
  function unary(): Value {
    if (peek() === '!') {
      take();
      return !truthy(unary());
    }
    return compare();
  }
  function compare(): Value {
    const left = primary();
    if (peek() === '==' || peek() === '!=') {
      const op = take();
      const right = primary();
      return op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  }
  function primary(): Value {
    const t = take();
    if (t === undefined) throw new Error(`expression: unexpected end of ${text}`);
    if (t === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (peek() === '(') {
      const fn = functions[t.toLowerCase()];
      if (!fn) throw new Error(`expression: unknown function ${t}() in ${text}`);
      take('(');
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take();
      }
      take(')');
      return fn(args);
    }
    return lookup(context, t);
  }

  const value = or();
  if (pos !== tokens.length)
    throw new Error(`expression: trailing "${tokens.slice(pos).join(' ')}" in ${text}`);
  return value;
}

/** Whether a step or job with this `if:` runs (absent = `success()`; no status function = `success() && …`). */
export function runs(condition: unknown, context: Record<string, Value>, status: Status = {}): boolean {
  if (condition === undefined || condition === null) return (status.status ?? 'success') === 'success';
  const text = String(condition);
  const implicit = !/\b(always|success|failure|cancelled)\s*\(/.test(text);
  const value = truthy(evaluate(text, context, status));
  return implicit ? (status.status ?? 'success') === 'success' && value : value;
}
