import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { condition, evaluate, expand } from '../../../bench/workflow-expression.ts';

const push = { values: { 'github.event_name': 'push', 'steps.pages.outputs.base_url': 'https://example.org' } };
const pullRequest = { values: { 'github.event_name': 'pull_request' } };

describe('workflow expressions as a runner reads them', () => {
  it('chooses a string with && and || as Actions does', () => {
    const choice = "github.event_name != 'pull_request' && '--keep-last-good' || ''";
    expect(evaluate(choice, push)).toBe('--keep-last-good');
    expect(evaluate(choice, pullRequest)).toBe('');
  });

  it('treats unset vars and secrets as empty strings', () => {
    expect(condition("${{ vars.AUSHANG_MASTODON_URL != '' || vars.AUSHANG_WEBHOOK_URL != '' }}", push)).toBe(false);
    expect(condition("${{ vars.AUSHANG_MASTODON_URL != '' || vars.AUSHANG_WEBHOOK_URL != '' }}", { values: { 'vars.AUSHANG_WEBHOOK_URL': 'https://hook' } })).toBe(true);
  });

  it('knows the status functions, negation, parentheses and case-insensitive comparison', () => {
    expect(condition("${{ !cancelled() && github.event_name != 'pull_request' }}", push)).toBe(true);
    expect(condition("${{ !cancelled() && github.event_name != 'pull_request' }}", { ...push, cancelled: true })).toBe(false);
    expect(evaluate("(github.event_name == 'PUSH')", push)).toBe(true);
    expect(evaluate("'it''s'", push)).toBe("it's");
  });

  it('fills in run and env values', () => {
    expect(expand('${{ steps.pages.outputs.base_url }}/x', push)).toBe('https://example.org/x');
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => evaluate("contains(github.ref, 'main')", push)).toThrow(/unknown|cannot read/);
    expect(() => evaluate("github.event_name == ", push)).toThrow(/ends too early/);
    expect(() => evaluate("'a' 'b'", push)).toThrow(/unexpected/);
  });

  it('reads every expression of the generated GitHub workflow', () => {
    const text = readFileSync(path.join(import.meta.dirname, '../../../src/init/templates/github-workflow.yml'), 'utf8');
    const expressions = [...text.matchAll(/\$\{\{\s*([\s\S]+?)\s*\}\}/g)].map((match) => match[1]!);
    expect(expressions.length).toBeGreaterThan(5);
    for (const expression of expressions) expect(() => evaluate(expression, push)).not.toThrow();
    expect(parse(text)).toBeTruthy();
  });
});
