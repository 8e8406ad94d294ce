/** `/api/v1/schema/{towns,town,incidents}.json`: the JSON Schemas of the API files, made from their shapes (src/model/api-shape.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiSchemas, schemaNames, type SchemaName } from '../../../../model/api-shape.ts';
import { jsonResponse } from '../../../../model/api.ts';

export const getStaticPaths = (() => schemaNames.map((name) => ({ params: { name }, props: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: SchemaName }> = ({ props }) => jsonResponse(apiSchemas[props.name], 'application/schema+json');
