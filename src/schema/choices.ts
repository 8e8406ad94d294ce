/**
 * The choices of an enum field of the content schema (`index.ts`), read from the schema itself:
 * the editor commands' help texts (`src/cli/choices.ts`) and the guide's field table
 * (`src/editor/content-field-table.ts`) name them from here, so a status word added to the
 * schema reaches them without a second list.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  out?: z.ZodType;
  entries?: Record<string, string>;
}

/** The choices of an enum field, through `.optional()`, `.default()` and pipes. */
export function choicesOf(field: z.ZodType): readonly string[] {
  const def = (field as unknown as { def: Def }).def;
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  const inner = def.innerType ?? def.out;
  if (!inner) throw new Error(`not a choice of values: a zod ${def.type}`);
  return choicesOf(inner);
}
