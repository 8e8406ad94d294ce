/**
 * A plain number whose text YAML would change (`0292110300`, `+4929211030`, `1.50`) stays
 * text: the number only where writing it again gives what the editor wrote (`12`, `1.5`). The
 * rule of both ways through the YAML (parse.ts with `yaml`, fast-yaml.ts with js-yaml).
 */
export function numberAsWritten(value: number, source: string): number | string {
  return String(value) === source ? value : source;
}
