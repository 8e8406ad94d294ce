/**
 * The part of GitHub Actions' expression language (`${{ … }}`) the generated workflows use,
 * evaluated as a runner would for a push to main: context values (`github.event_name`,
 * `vars.X`, `secrets.X`, `steps.<id>.outputs.X`), string literals, `==`, `!=`, `!`, `&&`, `||`,
 * parentheses and the status functions. As in Actions, `&&` and `||` give one of their operands
 * (so `cond && 'a' || ''` chooses a string), the empty string is false, and an unknown context
 * value is the empty string. Anything else is an error, so a new expression in a template cannot
 * be silently misread by the bench.
 */

export type ExpressionValue = string | boolean;

/** What a runner knows: context paths and their values, and whether the run was cancelled. */
export interface ExpressionContext {
  values: Record<string, string>;
  cancelled?: boolean;
}

const TOKEN = /\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||!|\(|\))|([A-Za-z_][\w.-]*(?:\(\))?))/y;

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expression);
    if (!match) throw new Error(`cannot read the expression at "${expression.slice(TOKEN.lastIndex)}": ${expression}`);
    tokens.push(match[1] ?? match[2] ?? match[3]!);
  }
  return tokens;
}

function truthy(value: ExpressionValue): boolean {
  return value !== '' && value !== false;
}

/** One operand: a literal, a context value, a status function, a negation or a parenthesis. */
function operand(tokens: string[], context: ExpressionContext): ExpressionValue {
  const token = tokens.shift();
  if (token === undefined) throw new Error('the expression ends too early');
  if (token === '!') return !truthy(operand(tokens, context));
  if (token === '(') {
    const value = or(tokens, context);
    if (tokens.shift() !== ')') throw new Error('a parenthesis is not closed');
    return value;
  }
  if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
  if (token === 'cancelled()') return context.cancelled ?? false;
  if (token === 'success()' || token === 'always()') return token === 'always()' || !context.cancelled;
  if (token === 'true' || token === 'false') return token === 'true';
  if (/^(github|vars|secrets|steps|needs|env)\./.test(token)) return context.values[token] ?? '';
  throw new Error(`unknown in a workflow expression: ${token}`);
}

function comparison(tokens: string[], context: ExpressionContext): ExpressionValue {
  const left = operand(tokens, context);
  const op = tokens[0];
  if (op !== '==' && op !== '!=') return left;
  tokens.shift();
  const right = operand(tokens, context);
  // Actions compares strings case-insensitively.
  const equal = String(left).toLowerCase() === String(right).toLowerCase();
  return op === '==' ? equal : !equal;
}

function and(tokens: string[], context: ExpressionContext): ExpressionValue {
  let value = comparison(tokens, context);
  while (tokens[0] === '&&') {
    tokens.shift();
    const right = comparison(tokens, context);
    value = truthy(value) ? right : value;
  }
  return value;
}

function or(tokens: string[], context: ExpressionContext): ExpressionValue {
  let value = and(tokens, context);
  while (tokens[0] === '||') {
    tokens.shift();
    const right = and(tokens, context);
    value = truthy(value) ? value : right;
  }
  return value;
}

/** The value of one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, context: ExpressionContext): ExpressionValue {
  const tokens = tokenize(expression);
  const value = or(tokens, context);
  if (tokens.length > 0) throw new Error(`unexpected "${tokens[0]}" in: ${expression}`);
  return value;
}

/** A string with `${{ … }}` parts filled in, as a step's `run:` or `env:` value is. */
export function expand(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{\s*([\s\S]+?)\s*\}\}/g, (_, expression: string) => String(evaluate(expression, context)));
}

/** Whether a step's or job's `if:` holds (with or without `${{ }}` around it, as Actions allows). */
export function condition(text: string | undefined, context: ExpressionContext): boolean {
  if (text === undefined) return true;
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)?.[1] ?? text;
  return truthy(evaluate(inner, context));
}
