/**
 * Validation against the official schemas, offline: libxml2's xmllint compiled to WebAssembly
 * (the npm package xmllint-wasm). The schemas are vendored in tests/fixtures/schemas/ (see its
 * README.md for their sources and licences): CAP-v1.2.xsd (OASIS) and atom.rng (RFC 4287,
 * Appendix B, converted from the compact syntax).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const folder = path.resolve(import.meta.dirname, '../fixtures/schemas');
const schemas = {
  cap: { fileName: 'CAP-v1.2.xsd', extension: 'schema' },
  atom: { fileName: 'atom.rng', extension: 'relaxng' },
} as const;
const texts = new Map<string, string>();

/** xmllint's messages for the document (`[]` when it is valid), without the file name. */
export async function schemaErrors(xml: string, schema: keyof typeof schemas): Promise<string[]> {
  const { fileName, extension } = schemas[schema];
  if (!texts.has(fileName)) texts.set(fileName, readFileSync(path.join(folder, fileName), 'utf8'));
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], schema: [{ fileName, contents: texts.get(fileName)! }], extension });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage.replace(/^document\.xml:\d+: /, ''));
}
