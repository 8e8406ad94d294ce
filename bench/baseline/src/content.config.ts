// Every Markdown file of the generated content folder (towns, services, incidents, pages), front
// matter parsed by Astro's own loader, without a schema: what Astro costs with no rules at all.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  notices: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.BASELINE_CONTENT ?? './content' }) }),
};
