import type { Messages } from './index.ts';

/**
 * English interface strings, as the British public sector writes them (GOV.UK style: plain
 * words, sentence case, `Thursday 29 October 2020`, `4:19pm`). Every key of `de` is present
 * (checked by the type).
 */
export const en: Messages = {
  'lang.tag': 'en',
  'lang.locale': 'en-GB',

  'status.normal': 'Available as usual',
  'status.limited': 'Limited',
  'status.deferred': 'Accepted, processed later',
  'status.unavailable': 'Not available',

  'channel.phone': 'Phone',
  'channel.fax': 'Fax',
  'channel.email': 'Email',
  'channel.post': 'Post',
  'channel.in-person': 'In person',
  'channel.online': 'Online',
  'channel.web': 'Website',

  // GOV.UK style: `4:19pm on Thursday 29 October 2020`; {clock} gives 4:19pm, 4pm, midday, midnight.
  'time.dateTime': '{clock} on {weekday} {dayNumber} {monthName} {year}',
  'time.date': '{weekday} {dayNumber} {monthName} {year}',
  'time.midnight': 'midnight',
  'time.midday': 'midday',

  'layout.skipLink': 'Skip to main content',
  'layout.home': 'Home',
  'layout.mainNav': 'Main menu',
  'layout.footerNav': 'Legal information',
  'layout.breadcrumb': 'You are here',
  'layout.publishedBy': 'Published by {operator}.',
  'layout.siteContacts': 'Helpline and contact details',
  'layout.stale': 'This information was last updated more than {hours} hours ago and may be out of date. If you are not sure, phone before you go.',
  'drill.label': 'Exercise',
  'drill.banner': 'Exercise: this website is a rehearsal for an emergency. Nothing on it applies – it is not a real notice.',
  'layout.az': 'Services A to Z',
  'layout.search': 'Search',

  'facts.status': 'Status',
  'facts.updated': 'Last updated',
  'facts.since': 'Disrupted since',
  'facts.expected': 'Change expected',
  'facts.started': 'Started',
  'facts.resolved': 'Resolved',
  'facts.incident': 'Cause',
  'facts.parent': 'Part of',
  'facts.kind': 'Type',

  'home.incidents': 'Current disruptions',
  'home.towns': 'Towns, municipalities and districts',
  'home.noIncidents': 'No disruptions have been reported.',
  'home.quietTitle': 'Everything is working as usual',
  'home.quietText': 'Every council service is available as usual.',
  'home.quietReach': 'How to contact the council:',
  'home.quietReachTowns': 'How to contact the council is on the page for your town.',
  'home.searchHint': 'Search for what you need to do, for example ‘passport’, or choose your town.',

  'towns.jumpDistricts': 'Go to a district',
  'towns.jumpInitials': 'Go to an initial letter',
  'towns.others': 'Other places',
  'towns.legend': 'For each place: its status and how many of its services are restricted.',
  'towns.restrictedShort': '{count} of {total}',
  'access.nav': 'Easy Read and sign language',
  'access.leichte-sprache': 'Easy Read (Leichte Sprache)',
  'access.gebaerdensprache': 'Sign language (Gebärdensprache)',

  'search.label': 'Search for a service',
  'search.noScript': 'Search needs JavaScript, which is turned off. You can find every service in the list:',
  'search.town': 'Town',
  'search.allTowns': 'All towns',
  'search.status': 'Status',
  'search.allStatuses': 'All',
  'search.possible': 'Only what is available',
  'search.loading': 'Loading search…',
  'search.unavailable': 'Search is not working at the moment. You can find every service in the list:',
  'search.prompt': 'Enter what you need to do, for example ‘passport’.',
  'search.none': 'No results for ‘{query}’. You can find every service in the list:',
  'search.countOne': '1 result for ‘{query}’',
  'search.countMany': '{count} results for ‘{query}’',
  'search.inTown': 'in {town}',
  'search.corrected': 'Results for “{corrected}” — search exactly for: “{typed}”',
  'search.tasks': 'Matching tasks',
  'search.kind.town': 'Town',
  'search.kind.service': 'Service',
  'search.kind.incident': 'Disruption',
  'search.kind.page': 'Page',
  'feed.townTitle': '{name} – {title}',
  'feed.townDescription': 'Latest news and changes for {name}',
  'feed.link': 'Get the latest news by RSS feed',
  'jsonld.category': 'Restricted public services',
  'search.button': 'Search',

  'town.contacts': 'How to contact the council',
  'town.services': 'Services',
  'town.parentServices': 'Services provided by {name}',
  'town.children': 'Towns in {name}',
  'town.links': 'Websites that are working',
  'town.updates': 'Latest news',
  'town.details': 'More information',
  'town.noServices': 'No services are listed separately for this town.',
  'town.statusDerived': 'based on its services',

  'notice.title': 'Notice for {name}',
  'notice.link': 'Printable notice',
  'notice.printHint': 'This notice is for printing. Print it on A4 paper from your browser’s print menu (Ctrl+P) and put it up where people will see it.',
  'notice.back': 'Back to {name}',
  'notice.since': 'since',
  'notice.qrIntro': 'For the latest information, go to',
  'notice.qrLabel': 'QR code linking to {url}',
  'notice.qrMissing': 'The QR code is missing because the website address (SITE_URL) was not set when the site was built. Contact the team that runs this website.',
  'notice.tasks': 'Tasks',

  'service.channels': 'How to contact this service',
  'service.tasks': 'What is working and what is not',
  'service.details': 'Details',
  'service.updates': 'Latest news',
  'service.noChannels': 'This service has no contact details of its own.',
  'service.townContacts': 'General contact details for {name}',

  'channel.hours': 'Hours',
  'channel.noValue': 'not given',

  'incident.towns': 'Towns affected',
  'incident.restricted': '{count} of {total} services restricted',
  'incident.restrictedNone': 'no services listed',
  'incident.updates': 'Timeline',
  'incident.details': 'Background',
  'incident.ongoing': 'ongoing',

  'az.title': 'Services A to Z',
  'az.intro': 'Every task and service in every town, from A to Z, with its town and status.',
  'az.letters': 'Browse by letter',
  'az.page': 'page {number} of {count}',
  'az.pages': 'Pages for {letter}',
  'az.kind.task': 'Task',
  'az.kind.service': 'Service',
  'az.in': '{service}, {town}',

  'redirect.title': 'Page moved',
  'redirect.text': 'This page has moved to:',

  'notFound.title': 'Page not found',
  'notFound.text': 'If you typed the web address, check it is correct. You can also start from one of these pages:',
  'editor.title': 'Editing',
  'editor.noScript': 'The web editor needs JavaScript. Without it, edit the files directly in the Git host’s web editor.',

  'error.required': 'missing — this field is required',
  'error.empty': 'is empty — a text belongs here',
  'error.enum': '"{found}" — allowed: {allowed}',
  'error.type': '{foundType} "{found}" — expected: {expected}',
  'error.unknownField': 'unknown field — allowed: {allowed}',
  'error.tooSmall': '"{found}" — allowed: at least {minimum}',
  'error.time': '"{found}" — allowed: a date (2023-11-06) or a date and time (2023-11-03 14:17)',
  'error.timeInvalid': '"{found}" — this date or time does not exist',
  'error.timeFuture': '"{found}" is more than a day in the future — allowed: up to {limit}',
  'error.timeOrder': '"{found}" is before the start "{other}" — allowed: a time after it',
  'error.phoneNoAreaCode': '"{found}" has no area code — allowed: a number with area code, e.g. 02921 / 103-2342',
  'error.phoneInvalid': '"{found}" is not a valid phone number — allowed: a number with area code such as 02921 / 103-2127 or +49 2921 103-0, or 110, 112, 115, 116117',
  'error.phoneCharacters': '"{found}" holds more than a phone number — allowed: digits, spaces, / - ( ) and a leading + (names and hours go in note or hours)',
  'error.email': '"{found}" is not an email address — allowed: e.g. office@example.org',
  'error.url': '"{found}" is not a complete web address — allowed: an address starting with https://',
  'error.urlNotHttps': '"{found}" — allowed: https addresses only',
  'error.markdownHtml': 'contains HTML "{found}" — allowed: Markdown only',
  'error.markdownLink': 'link to "{found}" — allowed: https:, http:, mailto:, tel: or a path on this site such as /soest/',
  'error.markdownBlock': 'contains {found} — allowed: a single paragraph with *emphasis* and [links](https://…)',
  'error.markdownImage': 'contains an image "{found}" — allowed: text and links; this site does not show images',
  'error.unknownIncident': '"{found}" — no incident of that name; existing: {allowed}',
  'error.unknownParent': '"{found}" — no town of that name; existing: {allowed}',
  'error.parentSelf': '"{found}" is the town itself — allowed: the district it belongs to',
  'error.parentCycle': 'circle of parents: {found} — allowed: a chain that ends at a district without parent',
  'error.slug': 'name "{found}" — allowed: lower-case letters a–z, digits and single hyphens',
  'error.reservedTown': '"{found}" is an address of the site itself — not allowed: {allowed}',
  'error.reservedService': '"{found}" is an address of the town itself — not allowed: {allowed}',
  'error.reservedPage': '"{found}" is an address of the site itself — not allowed: {allowed}',
  'error.collision': '"{found}" is also the name of the page {other} — allowed: different names',
  'error.duplicateRole': '"{found}" is already the role of the page {other} — allowed: each role on one page at most',
  'error.townStatusRequired': 'missing — required for a town without services',
  'error.alias': '"{found}" — allowed: a path on this site starting with /, e.g. /citizens-office/',
  'error.aliasCollision': '"{found}" is taken already ({other}) — allowed: a path that does not exist otherwise',
  'error.timezone': '"{found}" — allowed: a time zone such as Europe/Berlin',
  'error.country': '"{found}" — allowed: a country code such as DE, AT or CH',
  'error.yaml': 'the front matter is not valid YAML: {detail} ({message})',
  'error.noFrontmatter': 'no front matter — the file must start with a line ---, then the fields, then another line ---',
  'error.notMapping': 'the front matter holds no fields — allowed: lines such as title: Citizens’ office',
  'error.emptyFile': 'the file is empty',
  'error.notUtf8': 'the file is not saved as UTF-8',
  'error.unexpectedFile': 'unexpected file or folder — allowed: {allowed}',
  'error.missingFile': 'this file is missing',
  'error.missingFolder': 'this folder is missing or empty',
  'error.unreadable': 'the file cannot be read',
  'error.editor': '"{found}" — allowed: false (no web editor) or the fields backend and repo indented below it (see docs/web-editor.md)',
  'error.editorRepo': '"{found}" — allowed: the repository\'s owner and name joined by a slash, e.g. stadt-soest/notfall',
  'error.editorUrl': '"{found}" — allowed: the server\'s https address, e.g. https://git.soest.de',
  'error.editorUrlRequired': 'missing — required with backend: gitea: the https address of the Gitea or Forgejo server, e.g. url: https://git.soest.de',
  'error.editorReview': '"{found}" — not possible with backend: gitea: the web editor cannot open pull requests there; allowed: false (and review through the server\'s branch protection)',
  'error.vocabularyGroup': 'only "{found}" — allowed: a group of at least two words that mean the same to citizens',

  'alias.reserved': 'an address of the site itself',

  'markdown.heading': 'a heading',
  'markdown.list': 'a list',
  'markdown.blockquote': 'a quote',
  'markdown.code': 'a code block',
  'markdown.rule': 'a horizontal rule',
  'markdown.table': 'a table',
  'markdown.image': 'an image',
  'markdown.paragraphs': 'more than one paragraph',

  'yaml.duplicateKey': 'a field appears twice',
  'yaml.tab': 'a tab used for indentation, use spaces',
  'yaml.indent': 'the indentation is wrong',
  'yaml.missingChar': 'a closing quote or bracket is missing',
  'yaml.colon': 'a colon after the field name is missing, or the line is indented wrongly',
  'yaml.colonInValue': 'a text with a colon must be in quotes, or the line is indented wrongly',
  'yaml.token': 'unexpected character',
  'yaml.scalarStart': 'a value starts with a character that needs quotes',
  'yaml.other': 'syntax error',

  'valueType.list': 'a list',
  'valueType.mapping': 'a group of fields',
  'valueType.string': 'text',
  'valueType.number': 'the number',
  'valueType.boolean': 'the truth value',
  'valueType.nothing': 'nothing',
  'valueType.array': 'a list',
  'valueType.object': 'a group of fields',

  'hint.didYouMean': 'did you mean "{suggestion}"?',
  'hint.example': 'example: {example}',
  'hint.quote': 'put text that starts with [ { : or # in quotes',
  'hint.yaml': 'check indentation, colons and quotes in this line and the one before',
  'hint.saveUtf8': 'choose "Save as" with the encoding UTF-8 in your editor',
  'hint.slugify': 'suggestion: {suggestion}',
  'hint.typo': 'a typo in the year or month?',
  'hint.https': 'almost every website is reachable with https:// too',

  'cli.ok': 'No errors. Towns: {towns}, services: {services}, incidents: {incidents}, pages: {pages}.',
  'cli.errors': '{count} errors found. Nothing was published.',
  'cli.error': '1 error found. Nothing was published.',

  // Content format 1.1: links, symbolic links, warnings (issue 9).
  'error.symlink': 'is a symbolic link (to {target}) — allowed: only files and folders that really are in content/; nothing outside is ever read',
  'error.linkUnknown': 'link to "{found}" — there is no such page on this site',
  'error.linkAnchor': 'link to "{found}" — the page {page} has no section #{anchor}',
  'error.linkRelative': 'relative link "{found}" (from this page it led to {resolved}) — allowed: a path on this site starting with /, e.g. /soest/',
  'hint.basePath': 'write it without the base path {base}, the site adds it itself: {suggestion}',
  'warning.stale': 'last change {found} is older than {hours} hours — the page says "may be out of date"; please check and set updated again',
  'warning.expectedPast': '{found} is in the past — please update status and expected',
  'warning.noAlternative': '"{found}", but no channels, no tasks and no link, e-mail address or phone number in summary — say what people can do instead',
  'warning.townStatusContradicts': '"{found}" contradicts all {count} services ({services}) — leave status out and it is derived from the services',
  'warning.examplePage': '"{found}" is still marked as an example (example: true) — fill in the real details and remove the line',
  'warning.channelNoValue': '"{found}" is said to work but has no value — the page then shows nothing to call or write to; add the number or address, or status: unavailable',
  'cli.warningMark': 'warning',
  'cli.okWarning': 'No errors, 1 warning (published all the same). Towns: {towns}, services: {services}, incidents: {incidents}, pages: {pages}.',
  'cli.okWarnings': 'No errors, {count} warnings (published all the same). Towns: {towns}, services: {services}, incidents: {incidents}, pages: {pages}.',

  // Editor commands: new, update, resolve (src/cli/new.ts, update.ts, resolve.ts, change.ts).
  'edit.option': 'Unknown option "{found}"{hint} — allowed: {allowed}',
  'edit.optionValue': '"{found}" needs a value — for example: --status limited, texts in quotes: --note "Open again from Monday."',
  'edit.notFound': '"{found}" does not exist{hint} — present: {allowed}',
  'edit.time': '--at "{found}" — allowed: date and time like 2023-11-03 14:17, a date like 2023-11-06, or a time of day alone like 14:17 (today; local time {timeZone})',
  'edit.refused': 'Not saved, no file was changed. The change would cause these errors:',
  'edit.writeFailed': '{file} cannot be written ({reason}) — no file was changed',
  'edit.otherError': 'Note: the content still has an error that does not come from this change; while it remains, nothing is published. npm run check shows it.',
  'edit.otherErrors': 'Note: the content still has {count} errors that do not come from this change; while they remain, nothing is published. npm run check shows them.',
  'edit.broken': '{file} cannot be changed until these errors are fixed:',
  'edit.saved': 'Saved: {file}',
  'edit.changed': '  {field}: {from} → {to}',
  'edit.added': '  {field}: {to} (new)',
  'edit.removed': '  {field}: removed (was {from})',
  'edit.entry': '  updates: new entry {text}',
  'edit.cannot.noFrontmatter': '{file} has no front matter between two lines --- — nothing was changed',
  'edit.cannot.yaml': '{file}: the front matter is not valid YAML — first fix what npm run check reports; nothing was changed',
  'edit.cannot.notMapping': '{file}: the front matter has no fields — nothing was changed',
  'edit.cannot.notText': '{file}: {field} is not a single value but a list or a group — please change it by hand; nothing was changed',
  'edit.cannot.notList': '{file}: {field} is not a list — write each entry as a line starting with "- at: …"; nothing was changed',
  'edit.cannot.missingField': '{file}: {field} is missing — nothing was changed',

  'new.usage': 'Usage: npm run new -- <town> [<service>] [--name "…"] [--title "…"] [--kind Stadt] [--parent <district>] [--status limited] [--summary "…"] [--incident <incident>] [--from <catalogue-id>], or for an incident: npm run new -- stoerungen/<incident> --title "…" [--summary "…"]',
  'new.unknownEntry': '"{found}" is not in the catalogue — present: {allowed} (npm run catalogue lists them with their tasks)',
  'new.refused': 'Nothing created:',
  'new.exists': '{file} exists already — nothing created. Change it with: npm run update -- {address} --note "…"',
  'new.noTown': 'The town "{town}" does not exist yet ({file} is missing) — create it first: npm run new -- {town}',
  'new.townOnly': '{option} applies to a town only, not to a service',
  'new.notForIncident': '{option} does not apply to an incident — allowed: --title, --summary',
  'new.created': 'Created: {file}',
  'new.nextTown': 'Check name, kind and summary in {file}. Add services with: npm run new -- {town} <service> --title "…"',
  'new.nextService': 'Check title and summary in {file}. Change it later with: npm run update -- {address} --status … --note "…"',
  'new.townHasStatus': 'Note: {town} has a status of its own ({status}); it applies instead of the status that follows from the services. To let it follow from the services: npm run update -- {town} --status auto',
  'new.nextIncident': 'Check title and summary in {file}. Add the towns it affects like this: npm run update -- <town> --incident {slug} --status limited --summary "…"',
  'new.comment.name': 'name as shown on the website (required)',
  'new.comment.kind': 'kind: Stadt, Gemeinde, Kreis or another word (required)',
  'new.comment.parent': 'district the town belongs to: the name of its folder below towns/',
  'new.comment.incidents': 'incidents that affect this town: names of files below incidents/',
  'new.comment.updated': 'as of: when this was last checked, local time (required)',
  'new.comment.townStatus': 'normal, limited, deferred or unavailable; without this line it follows from the services',
  'new.comment.status': 'normal, limited, deferred or unavailable (required)',
  'new.comment.summary': 'one sentence: what applies now (required)',
  'new.comment.title': 'name of the service as shown on the website (required)',
  'new.comment.since': 'since when the service is disrupted',
  'new.comment.incident': 'the incident that affects this service: name of a file below incidents/',
  'new.comment.incidentTitle': 'what happened, in a few words (required)',
  'new.comment.started': 'when the incident began, local time (required)',
  'new.comment.incidentSummary': 'one or two sentences: what happened and what it means for citizens (required)',
  'new.townSummary': 'The administration can be reached as usual.',
  'new.serviceSummary': 'Available as usual.',
  'new.serviceSummaryDisrupted': 'Currently disrupted; details to follow.',
  'new.incidentSummary': 'Details to follow.',

  'update.usage': 'Usage: npm run update -- <town> | <town>/<service> | stoerungen/<incident> [--status limited] [--channel phone] [--summary "…"] [--note "…"] [--at "2023-11-03 14:17"]',
  'update.nothing': 'Nothing to change — say what has changed, e.g.: npm run update -- {address} --status limited --note "…" (do not forget the -- after update, or the options do not arrive)',
  'update.incidentStatus': '{address} is an incident and has no status — for the all-clear: npm run resolve -- {address}',
  'update.channelWithoutStatus': '--channel needs --status, --value or --hours, e.g.: --channel email --status unavailable',
  'update.empty': '{option} is empty — allowed: a text',
  'update.noChannel': '{file}: {field} has no way of contact "{found}" — present: {allowed}',
  'update.summaryUnchanged': 'Note: summary is unchanged: "{summary}" — does it still fit the new status? If not: --summary "…"',
  'update.statusText': 'New status: {status}.',
  'update.channelText': '{channel}: {status}.',
  'update.statusAuto': 'The status now follows from the services.',
  'update.incidentText': 'Affected by the incident "{incident}".',

  'resolve.usage': 'Usage: npm run resolve -- <incident> [--at "2023-11-03 14:17"] [--summary "…"] [--note "…"] [--services normal]',
  'resolve.servicesValue': '--services "{found}" — allowed: normal',
  'resolve.fixFirst': 'Nothing changed: the content has errors; fix them first (npm run check), so it is clear which towns the incident affects:',
  'resolve.already': '{address} is recorded as resolved since {time} already.',
  'resolve.nothing': 'Nothing to change.',
  'resolve.doneOne': '1 file changed. Check the pages and publish.',
  'resolve.done': '{count} files changed. Check the pages and publish.',
  'resolve.note': 'The incident is resolved.',
  'resolve.serviceSummary': 'Available as usual again.',
  'resolve.townSummary': 'The administration works as usual again.',
  'resolve.normalNote': 'Available as usual again: the incident "{incident}" is resolved.',

  'init.list.unreadable': '{file} cannot be read ({reason})',
  'init.list.format': '{file}: allowed is a list of towns as a CSV file (.csv, header row name,kind,…) or a YAML file (.yaml, .yml: entries with name, kind, …)',
  'init.list.quote': 'a quote " is not closed — allowed: "value with , comma" and "" for a quote inside a value',
  'init.list.column': 'unknown column "{found}" — allowed: {allowed}',
  'init.list.columnTwice': 'the column "{found}" appears twice — allowed: each column once',
  'init.list.missingColumn': 'the header row has no column "{found}" — required: {required}',
  'init.list.cells': '{found} values, the header row has {count} columns — is there a comma in a value? Then put the value in "…"',
  'init.list.yaml': 'not valid YAML: {detail}',
  'init.list.notList': 'not a list of towns — allowed: entries like "- name: Werl" with "kind: Stadt" below',
  'init.list.notText': 'not a single value — allowed: a text',
  'init.list.twice': 'the town "{found}" is in the list twice, first in line {other} — allowed: each town once (a folder name of its own: column slug)',
  'init.list.parent': '"{found}" is no town of the list or of the site — present: {allowed}',
  'init.list.empty': 'the list has no towns',
  'init.refused': 'Nothing was written.',
  'init.ars': 'Note: the column ars (official regional key) is not stored yet: the content format has no field for it.',
  'init.added': 'Added: {count} towns with {services} services, {written} files written.',
  'init.addedOne': 'Added: 1 town with {services} services, {written} files written.',
  'init.townCreated': '  new: {town}',
  'init.townExists': '  there already, unchanged: {town}',
  'init.nothingToAdd': 'Every town of the list is there already; nothing changed.',

  'new.fromSeveral': 'With several catalogue services ({ids}) each is named as in the catalogue — give the town only, e.g.: npm run new -- werl --from buergerbuero,standesamt',
  'new.nextServices': 'Check titles, ways of contact and tasks in the new files. Change them later with: npm run update -- {town}/<service> --status … --note "…"',
  'new.help': `Usage: npm run new -- <town> [<service>] [options]    (or npx aushang new …)

Creates a town, a service of a town or an incident, with every required field, the current
time and a comment above each field. Never overwrites.

  npm run new -- werl                                 a town: content/towns/werl/index.md
  npm run new -- werl buergerbuero --title "Bürgerbüro" a service of the town
  npm run new -- werl --from buergerbuero,standesamt  services from the catalogue (npm run catalogue)
  npm run new -- stoerungen/cyberattack --title "…"   an incident, starting now

  --name "…"          the town's name
  --kind Stadt        kind: Stadt, Gemeinde, Kreis or another word
  --parent <district> folder name of the district the town belongs to
  --title "…"         title of the service or incident
  --status <s>        normal, limited, deferred or unavailable
  --summary "…"       one sentence: what applies now
  --incident <name>   the incident that affects the service
  --from <id>[,<id>]  services from the catalogue, several with commas or --from repeated
  --content <folder>  another content folder than content/`,
  'update.help': `Usage: npm run update -- <town> | <town>/<service> | stoerungen/<incident> [options]

Changes a notice: sets the fields, adds an entry to updates and moves updated. Everything
else in the file stays as it was; checked as npm run check would.

  --status <s>                normal, limited, deferred or unavailable (a town: auto)
  --summary "…"               a new summary
  --note "…"                  the text of the new entry in updates
  --incident <name>           the incident that now affects the town or service
  --at "2023-11-03 14:17"     the time instead of now (or 14:17 alone)
  --task "<task>"             a task of the service (title or number from 1): --status and
                              --note are then the task's
  --channel <kind>            phone, fax, email, post, in-person, online, web; with --status,
  --value "…" --hours "…"     --value (number, address) and --hours of that way of contact

  npm run update -- werl/buergerbuero --status limited --note "By appointment only."
  npm run update -- werl/buergerbuero --task "Personalausweis beantragen" --status unavailable --note "Again from Monday."
  npm run update -- werl/buergerbuero --channel phone --value "02922 800-0" --hours "Mon–Fri 8am–12pm"`,
  'resolve.help': `Usage: npm run resolve -- <incident> [options]

The all-clear: sets resolved and adds an entry to updates.

  --services normal           sets every service of every affected town back to normal
  --summary "…"               a new summary of the incident
  --note "…"                  the text of the entry in updates
  --at "2023-11-03 14:17"     the time instead of now`,
  'update.taskText': 'Task "{task}": {status}.',
  'update.noTask': '{file}: no task "{found}"{hint} — present: {allowed}',
  'update.channelTwice': '{file}: {field} has the way of contact "{found}" {count} times — which one is meant cannot be told; please change it in the file',
  'update.valueWithoutChannel': '{option} needs --channel, e.g.: --channel phone --value "02922 800-0"',
  'update.taskNotService': '{address} is not a service — only services have tasks, e.g.: npm run update -- {address}/buergerbuero --task "…" --status …',
  'update.taskAndChannel': 'please change --task and --channel in two calls: one call changes one task or one way of contact',
  'update.taskNothing': 'Nothing to change in the task "{task}" — e.g.: npm run update -- {address} --task "{task}" --status unavailable --note "…"',

  'ready.help': `Usage: npm run ready    (or npx aushang ready)

Lists per town what is still to prepare before the day: ways of contact without a number or
address, legal pages that are still examples, the web editor's sign-in and the site's public
address. Exit code 0 when nothing is left, else 1.`,
  'ready.fixFirst': 'The content has {count} errors; fix them first (npm run check shows them):',
  'ready.site': 'The whole site',
  'ready.town': '{name} ({slug})',
  'ready.noAddress': 'Public address: neither url: in content/site.yaml nor SITE_URL when building — without it feeds, sitemap and QR codes lack the full address',
  'ready.noEditor': 'Sign-in for the web editor not set up: no editor: in content/site.yaml (docs/web-editor.md)',
  'ready.editorPlaceholder': 'Web editor: editor.repo "{repo}" is still the example — enter the real repository',
  'ready.examplePages': 'Still an example (example: true): {files} — fill in the real details, then remove the line',
  'ready.noContacts': 'No general ways of contact (contacts in {file})',
  'ready.contactsNoValue': 'Ways of contact without number or address: {kinds} ({file})',
  'ready.channelsNoValue': '{count} of {total} services with ways of contact without number or address ({kinds}), e.g. {services} — fill in with: npm run update -- {town}/<service> --channel phone --value "…"',
  'ready.done': 'Ready: {towns}',
  'ready.nothingLeft': 'Everything prepared: nothing left.',
  'ready.openOne': '1 point open.',
  'ready.open': '{count} points open.',
};
