/** `/api/v1/schema/status.json`: the JSON Schema of status.json (src/api-schema/status.ts). */
import type { APIRoute } from 'astro';
import { statusSchema } from '../../../../api-schema/status.ts';
import { jsonResponse } from '../../../../model/api.ts';

export const GET: APIRoute = () => jsonResponse(statusSchema, 'application/schema+json');
