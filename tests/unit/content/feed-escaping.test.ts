/**
 * Feeds (README.md, "Feeds and structured data"): the RSS channel's title and description were escaped once for XML
 * only, so `"><img src=x onerror=…>` in site.yaml decoded to live markup in a reader that shows
 * them as HTML. Now every plain text of a feed is escaped once more; the item description is
 * HTML already (rendered Markdown) and stays escaped once.
 */
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/i18n/index.ts';
import { rssFeed } from '../../../src/model/rss.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { service, site, text } from '../support/content.ts';

const payload = '"><img src=x onerror=alert(1)> </script> ]]> & \u2028 Ende';

describe('RSS escaping', () => {
  test('channel title and description, town feed title and item titles decode to text, never to markup', async () => {
    const s = await site({
      'site.yaml': text`
        title: 'Notfall ${payload}'
        description: 'Beschreibung ${payload}'
        operator: Kreis Test
      `,
      'towns/soest/buergerbuero.md': service().replace('title: Bürgerbüro', `title: 'Dienst ${payload}'`),
    });
    const urls = createUrls({ base: '/', site: 'https://notfall.example' });
    const parser = new XMLParser();
    for (const town of [undefined, s.town('soest')!]) {
      const xml = await getRssString(rssFeed(s, urls, translator('de'), town));
      expect(XMLValidator.validate(xml)).toBe(true);
      const channel = parser.parse(xml).rss.channel as { title: string; description: string; item: { title: string }[] };
      const titles = channel.item.map((i) => i.title);
      for (const value of [channel.title, channel.description, ...titles]) expect(value).not.toMatch(/<\s*(img|script)\b/i);
      // Read as HTML, the texts are what the editor wrote.
      expect(channel.title).toContain('Notfall &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt; ]]&gt; &amp; \u2028 Ende');
      if (!town) expect(channel.description).toBe('Beschreibung &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt; ]]&gt; &amp; \u2028 Ende');
      expect(titles.some((title) => title.startsWith('Dienst &quot;&gt;&lt;img src=x onerror=alert(1)&gt;'))).toBe(true);
    }
  });
});
