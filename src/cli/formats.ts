/**
 * The outputs of `check`: the human text (default), GitHub Actions annotations, a GitLab Code
 * Quality report and plain JSON. Each is a pure function of the load result, so it is tested
 * without a process; errors and warnings are told apart in every one of them.
 */
import { createHash } from 'node:crypto';
import { formatContentError, problemMessage, type ContentProblem } from '../schema/errors.ts';
import { translator } from '../i18n/index.ts';
import type { LoadResult } from '../model/site.ts';

export const formats = ['text', 'github', 'gitlab', 'json'] as const;
export type Format = (typeof formats)[number];

/** What to report: the errors, or, when there are none, the warnings (computed on a valid site only). */
export function problemsOf(result: LoadResult): ContentProblem[] {
  return result.ok ? result.warnings : result.errors;
}

/**
 * How the site is published: `keepLastGood` when the build that follows runs with
 * `--keep-last-good` (the workflows on the main branch), so a file with errors stays online in
 * its last version without errors and everything else is published — not "nothing".
 */
export interface ReportOptions {
  keepLastGood?: boolean;
}

/** The last line: how many errors, or that there are none (with the warnings and the counts). */
export function summaryLine(result: LoadResult, options: ReportOptions = {}): string {
  const t = translator(result.language);
  if (!result.ok && options.keepLastGood) return errorsKeptBackLine(result.errors, t);
  if (!result.ok) return result.errors.length === 1 ? t('cli.error') : t('cli.errors', { count: result.errors.length });
  const { site, warnings } = result;
  const counts = {
    towns: site.towns.length,
    services: site.towns.reduce((n, town) => n + town.services.length, 0),
    incidents: site.incidents.length,
    pages: site.pages.length,
  };
  if (warnings.length === 0) return t('cli.ok', counts);
  return warnings.length === 1 ? t('cli.okWarning', counts) : t('cli.okWarnings', { ...counts, count: warnings.length });
}

/** With `--keep-last-good`: which files stay in their last version, and that the rest goes out. */
export function errorsKeptBackLine(errors: readonly ContentProblem[], t: ReturnType<typeof translator>): string {
  const files = [...new Set(errors.map((error) => error.file))].join(', ');
  return errors.length === 1 ? t('cli.errorKeptBack', { files }) : t('cli.errorsKeptBack', { count: errors.length, files });
}

/** Prints the outcome of a load as text; returns the exit code. */
export function report(result: LoadResult, out: (line: string) => void = console.log): number {
  for (const line of textReport(result).replace(/\n$/, '').split('\n')) out(line);
  return result.ok ? 0 : 1;
}

/** `path:line: field: message`, one line each, a blank line, the summary. */
export function textReport(result: LoadResult, options: ReportOptions = {}): string {
  const problems = problemsOf(result);
  const lines = problems.map((p) => formatContentError(p, result.language));
  return [...lines, ...(lines.length ? [''] : []), summaryLine(result, options)].join('\n') + '\n';
}

/** Workflow-command data: `%`, CR and LF are escaped (GitHub's documented encoding). */
export function escapeGithubData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command properties: like data, and `:` and `,` too, which separate properties. */
export function escapeGithubProperty(value: string): string {
  return escapeGithubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=content/towns/werl/index.md,line=5,title=Aushang%3A status::„zu“ — erlaubt: …`,
 * one per problem, `::warning` for warnings; the summary follows as plain log text. There is no
 * `col`: the reader knows lines, not columns.
 */
export function githubReport(result: LoadResult, options: ReportOptions = {}): string {
  const t = translator(result.language);
  const lines = problemsOf(result).map((p) => {
    const properties = [`file=${escapeGithubProperty(p.file)}`];
    if (p.line) properties.push(`line=${p.line}`);
    properties.push(`title=${escapeGithubProperty(p.field ? `Aushang: ${p.field}` : 'Aushang')}`);
    const kind = p.severity === 'warning' ? 'warning' : 'error';
    const field = p.field ? `${p.field}: ` : '';
    const mark = p.severity === 'warning' ? `${t('cli.warningMark')}: ` : '';
    return `::${kind} ${properties.join(',')}::${escapeGithubData(`${field}${mark}${problemMessage(p, result.language)}`)}`;
  });
  return [...lines, summaryLine(result, options)].join('\n') + '\n';
}

/** One entry of a GitLab Code Quality report (the fields GitLab documents as required). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * The report GitLab shows in a merge request: errors `major`, warnings `minor`. A fingerprint is
 * the same as long as the problem is (file, field, code, message), not the line, so a problem
 * that only moves is not shown as fixed and new; the same problem twice gets `#2`.
 */
export function gitlabIssues(result: LoadResult): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return problemsOf(result).map((p) => {
    const message = problemMessage(p, result.language);
    const key = [p.file, p.field ?? '', p.code, message].join('\n');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const fingerprint = createHash('sha256').update(count === 1 ? key : `${key}\n#${count}`).digest('hex');
    const t = translator(result.language);
    const mark = p.severity === 'warning' ? `${t('cli.warningMark')}: ` : '';
    return {
      description: `${p.field ? `${p.field}: ` : ''}${mark}${message}`,
      check_name: `aushang-${p.code}`,
      fingerprint,
      severity: p.severity === 'warning' ? 'minor' : 'major',
      location: { path: p.file, lines: { begin: p.line ?? 1 } },
    };
  });
}

export function gitlabReport(result: LoadResult): string {
  return `${JSON.stringify(gitlabIssues(result), null, 2)}\n`;
}

/** `--format json`: every problem with its parts and its text, and the counts. */
export function jsonReport(result: LoadResult, options: ReportOptions = {}): string {
  const problems = problemsOf(result).map((p) => ({
    severity: p.severity ?? 'error',
    file: p.file,
    ...(p.line ? { line: p.line } : {}),
    ...(p.field ? { field: p.field } : {}),
    code: p.code,
    message: problemMessage(p, result.language),
    text: formatContentError(p, result.language),
  }));
  const errors = result.ok ? 0 : result.errors.length;
  const warnings = result.ok ? result.warnings.length : 0;
  return `${JSON.stringify({ ok: result.ok, language: result.language, errors, warnings, problems, summary: summaryLine(result, options) }, null, 2)}\n`;
}

export function render(format: Format, result: LoadResult, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return textReport(result, options);
    case 'github':
      return githubReport(result, options);
    case 'gitlab':
      return gitlabReport(result);
    case 'json':
      return jsonReport(result, options);
  }
}

export function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}
