/** The web editor's field labels and help texts in English; the keys of `fields.de.ts`. */
import type { FieldTexts } from '../editor/fields.ts';

export const fieldsEn: FieldTexts = {
  'collection.towns': { label: 'Towns', hint: 'A town, a municipality or a district: what applies there in general.' },
  'collection.towns.singular': { label: 'Town' },
  'collection.services': { label: 'Services', hint: 'One service of a town, e.g. the citizens’ office, and what works there now.' },
  'collection.services.singular': { label: 'Service' },
  'collection.incidents': { label: 'Incidents', hint: 'An event that causes outages, e.g. a cyberattack.' },
  'collection.incidents.singular': { label: 'Incident' },
  'collection.pages': { label: 'Pages', hint: 'Plain pages such as the legal notice and the privacy policy.' },
  'collection.pages.singular': { label: 'Page' },

  'town.name': { label: 'Name', hint: 'The town’s name on the site.' },
  'town.kind': { label: 'Kind', hint: 'Stadt, Gemeinde, Kreis or another word.' },
  'town.parent': { label: 'Belongs to district', hint: 'The district the town belongs to. Empty for a district.' },
  'town.incidents': { label: 'Affected by incidents', hint: 'The incidents that affect this town.' },
  'town.updated': { label: 'As of', hint: 'When this was last checked, local time. Set it to now with every change.' },
  'town.status': { label: 'Status', hint: 'Empty: derived from the services. Set it only when the town has no services or the situation differs.' },
  'town.summary': { label: 'In short', hint: 'One sentence: what works in the town hall and what does not.' },
  'town.contacts': { label: 'Ways to get in touch', hint: 'How to reach the administration in general.' },
  'town.links': { label: 'Links', hint: 'Websites that work.' },
  'town.updates': { label: 'News', hint: 'Short messages with a time; the newest is shown first.' },
  'town.aliases': { label: 'Old addresses', hint: 'Former paths of this page that must keep working, e.g. /rathaus/. Usually empty.' },
  'town.body': { label: 'More information', hint: 'Anything else citizens should know.' },

  'service.title': { label: 'Name of the service', hint: 'e.g. Bürgerbüro.' },
  'service.status': { label: 'Status', hint: 'How the service works now.' },
  'service.updated': { label: 'As of', hint: 'When this was last checked, local time. Set it to now with every change.' },
  'service.summary': { label: 'In short', hint: 'One sentence for the overview, e.g. “Closed, reachable by phone.”' },
  'service.since': { label: 'Disrupted since', hint: 'Since when the service does not work as usual.' },
  'service.expected': { label: 'Expected back', hint: 'When a change is expected. Empty when unknown.' },
  'service.incident': { label: 'Cause (incident)', hint: 'The incident that affects this service.' },
  'service.channels': { label: 'Ways to get in touch', hint: 'How to reach the service now: phone, email, in person …' },
  'service.tasks': { label: 'Matters', hint: 'What citizens come for, each with its own status.' },
  'service.keywords': { label: 'Search words', hint: 'More words the service should be found by.' },
  'service.updates': { label: 'News', hint: 'Short messages with a time; the newest is shown first.' },
  'service.aliases': { label: 'Old addresses', hint: 'Former paths of this page that must keep working. Usually empty.' },
  'service.order': { label: 'Order', hint: 'Position in the list of services (smaller numbers first). Empty: by name.' },
  'service.body': { label: 'More information', hint: 'Details, e.g. what to bring.' },

  'incident.title': { label: 'Title', hint: 'e.g. Cyberattack on Südwestfalen-IT.' },
  'incident.started': { label: 'Started', hint: 'When the incident began.' },
  'incident.resolved': { label: 'Resolved', hint: 'When it was resolved. Empty while it lasts.' },
  'incident.updated': { label: 'As of', hint: 'When this was last checked, local time. Set it to now with every change.' },
  'incident.summary': { label: 'In short', hint: 'One sentence: what happened.' },
  'incident.updates': { label: 'News', hint: 'Short messages with a time.' },
  'incident.body': { label: 'Description', hint: 'What happened and what it means for citizens.' },

  'page.title': { label: 'Title', hint: 'e.g. Impressum.' },
  'page.footer': { label: 'Link from every page’s footer' },
  'page.role': { label: 'Kind of page', hint: 'The home page links Easy Language and Sign Language.' },
  'page.example': { label: 'Still a template', hint: 'On while the text still has to be filled in.' },
  'page.body': { label: 'Text' },

  'channel.channel': { label: 'Kind', hint: 'Phone, fax, email, post, in person, online or website.' },
  'channel.status': { label: 'Status', hint: 'Whether this way works now.' },
  'channel.value': { label: 'Number, address or link', hint: 'Phone with area code, email address, postal address or https address.' },
  'channel.note': { label: 'Note', hint: 'e.g. “Emails do not arrive at the moment.”' },
  'channel.hours': { label: 'Hours', hint: 'e.g. Mon–Fri 8am–12pm.' },

  'task.title': { label: 'Matter', hint: 'What one comes for, e.g. apply for an ID card.' },
  'task.status': { label: 'Status', hint: 'Whether this can be done now.' },
  'task.note': { label: 'Note', hint: 'How, or what to bring.' },

  'update.at': { label: 'Time', hint: 'Local time.' },
  'update.text': { label: 'Message', hint: 'One or two sentences.' },

  'link.title': { label: 'Title' },
  'link.url': { label: 'Address', hint: 'With https://' },

  'list.item': { label: 'Entry' },
};
