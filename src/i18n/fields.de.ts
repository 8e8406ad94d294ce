/**
 * What the web editor (/admin/) calls each field of the content format, with a one-line help
 * text under it. The one source for these words: `src/editor/config.ts` builds the editor's
 * forms from it, and the field table in `docs/web-editor.md` must list the same labels (a
 * unit test compares them). Keys are `<kind>.<field>` as in the files (docs/content-format.md).
 */
import type { FieldTexts } from '../editor/fields.ts';

export const fieldsDe: FieldTexts = {
  'collection.towns': { label: 'Orte', hint: 'Eine Stadt, eine Gemeinde oder ein Kreis: was dort gerade allgemein gilt.' },
  'collection.towns.singular': { label: 'Ort' },
  'collection.services': { label: 'Dienste', hint: 'Ein Dienst eines Ortes, z. B. das Bürgerbüro, und was dort gerade geht.' },
  'collection.services.singular': { label: 'Dienst' },
  'collection.incidents': { label: 'Störungen', hint: 'Ein Ereignis, das Ausfälle verursacht, z. B. ein Cyberangriff.' },
  'collection.incidents.singular': { label: 'Störung' },
  'collection.pages': { label: 'Seiten', hint: 'Einfache Seiten wie Impressum und Datenschutz.' },
  'collection.pages.singular': { label: 'Seite' },

  'town.name': { label: 'Name', hint: 'So heißt der Ort auf der Website, z. B. Soest.' },
  'town.kind': { label: 'Art', hint: 'Stadt, Gemeinde, Kreis oder ein anderes Wort.' },
  'town.parent': { label: 'Gehört zu Kreis', hint: 'Der Kreis, zu dem der Ort gehört. Leer lassen bei einem Kreis.' },
  'town.incidents': { label: 'Betroffen von Störungen', hint: 'Die Störungen, die diesen Ort betreffen.' },
  'town.updated': { label: 'Stand', hint: 'Wann diese Angaben zuletzt geprüft wurden, Ortszeit. Bei jeder Änderung auf jetzt setzen.' },
  'town.status': { label: 'Status', hint: 'Leer lassen: ergibt sich aus den Diensten. Nur setzen, wenn der Ort keine Dienste hat oder die Lage anders ist.' },
  'town.summary': { label: 'Kurz gesagt', hint: 'Ein Satz: was im Rathaus gerade geht und was nicht.' },
  'town.contacts': { label: 'Kontaktwege', hint: 'Wie die Verwaltung allgemein erreichbar ist.' },
  'town.links': { label: 'Links', hint: 'Websites, die funktionieren.' },
  'town.updates': { label: 'Neuigkeiten', hint: 'Kurze Meldungen mit Zeitpunkt; die neueste steht auf der Website oben.' },
  'town.aliases': { label: 'Alte Adressen', hint: 'Frühere Pfade dieser Seite, die weiter funktionieren sollen, z. B. /rathaus/. Meist leer.' },
  'town.ars': { label: 'Amtlicher Regionalschlüssel (ARS)', hint: '12 Ziffern, z. B. 059740040040. Damit finden andere Systeme (Warn-Apps, Portale) den Ort. Leer lassen, wenn unbekannt.' },
  'town.body': { label: 'Weitere Informationen', hint: 'Alles Weitere, was Bürgerinnen und Bürger wissen sollten.' },

  'service.title': { label: 'Name des Dienstes', hint: 'z. B. Bürgerbüro.' },
  'service.status': { label: 'Status', hint: 'Wie der Dienst gerade arbeitet.' },
  'service.updated': { label: 'Stand', hint: 'Wann diese Angaben zuletzt geprüft wurden, Ortszeit. Bei jeder Änderung auf jetzt setzen.' },
  'service.summary': { label: 'Kurz gesagt', hint: 'Ein Satz, der in der Übersicht steht, z. B. „Geschlossen, telefonisch erreichbar.“' },
  'service.since': { label: 'Gestört seit', hint: 'Seit wann der Dienst nicht normal arbeitet.' },
  'service.expected': { label: 'Voraussichtlich wieder', hint: 'Wann sich voraussichtlich etwas ändert. Leer lassen, wenn unbekannt.' },
  'service.incident': { label: 'Ursache (Störung)', hint: 'Die Störung, die diesen Dienst betrifft.' },
  'service.channels': { label: 'Kontaktwege', hint: 'Wie der Dienst gerade erreichbar ist: Telefon, E-Mail, vor Ort …' },
  'service.tasks': { label: 'Anliegen', hint: 'Wofür Bürgerinnen und Bürger kommen, jeweils mit eigenem Status.' },
  'service.keywords': { label: 'Suchwörter', hint: 'Weitere Wörter, unter denen der Dienst gefunden werden soll, z. B. Perso.' },
  'service.updates': { label: 'Neuigkeiten', hint: 'Kurze Meldungen mit Zeitpunkt; die neueste steht auf der Website oben.' },
  'service.aliases': { label: 'Alte Adressen', hint: 'Frühere Pfade dieser Seite, die weiter funktionieren sollen. Meist leer.' },
  'service.order': { label: 'Reihenfolge', hint: 'Position in der Liste der Dienste (kleinere Zahl weiter oben). Leer: nach Name.' },
  'service.body': { label: 'Weitere Informationen', hint: 'Einzelheiten, z. B. was mitzubringen ist.' },

  'incident.title': { label: 'Titel', hint: 'z. B. Cyberangriff auf Südwestfalen-IT.' },
  'incident.started': { label: 'Begonnen', hint: 'Wann die Störung begonnen hat.' },
  'incident.resolved': { label: 'Behoben', hint: 'Wann die Störung behoben wurde. Leer lassen, solange sie andauert.' },
  'incident.updated': { label: 'Stand', hint: 'Wann diese Angaben zuletzt geprüft wurden, Ortszeit. Bei jeder Änderung auf jetzt setzen.' },
  'incident.summary': { label: 'Kurz gesagt', hint: 'Ein Satz: was passiert ist.' },
  'incident.updates': { label: 'Neuigkeiten', hint: 'Kurze Meldungen mit Zeitpunkt.' },
  'incident.body': { label: 'Beschreibung', hint: 'Was passiert ist und was das für die Bürgerinnen und Bürger bedeutet.' },

  'page.title': { label: 'Titel', hint: 'z. B. Impressum.' },
  'page.footer': { label: 'Im Fuß jeder Seite verlinken' },
  'page.role': { label: 'Art der Seite', hint: 'Leichte Sprache und Gebärdensprache verlinkt die Startseite.' },
  'page.example': { label: 'Noch Vorlage', hint: 'Eingeschaltet, solange der Text noch ausgefüllt werden muss.' },
  'page.body': { label: 'Text' },

  'channel.channel': { label: 'Art', hint: 'Telefon, Fax, E-Mail, Post, persönlich, online oder Website.' },
  'channel.status': { label: 'Status', hint: 'Ob dieser Weg gerade funktioniert.' },
  'channel.value': { label: 'Nummer, Adresse oder Link', hint: 'Telefon mit Vorwahl (02921 103-2127), E-Mail-Adresse, Anschrift oder https-Adresse, je nach Art.' },
  'channel.note': { label: 'Hinweis', hint: 'z. B. „E-Mails kommen derzeit nicht an.“' },
  'channel.hours': { label: 'Zeiten', hint: 'z. B. Mo–Fr 8–12 Uhr.' },

  'task.title': { label: 'Anliegen', hint: 'Wofür man kommt, z. B. Personalausweis beantragen.' },
  'task.status': { label: 'Status', hint: 'Ob dieses Anliegen gerade erledigt werden kann.' },
  'task.note': { label: 'Hinweis', hint: 'Wie, oder was mitzubringen ist.' },
  'task.leika': { label: 'LeiKa-Schlüssel', hint: '14 Ziffern aus dem Leistungskatalog der öffentlichen Verwaltung. Leer lassen, wenn unbekannt.' },

  'update.at': { label: 'Zeitpunkt', hint: 'Ortszeit.' },
  'update.text': { label: 'Meldung', hint: 'Ein oder zwei Sätze.' },

  'link.title': { label: 'Titel', hint: 'z. B. Ratsinformationssystem.' },
  'link.url': { label: 'Adresse', hint: 'Mit https://, oder ein Pfad dieser Website wie /soest/.' },

  'list.channel': { label: 'Kontaktweg' },
  'list.task': { label: 'Anliegen' },
  'list.update': { label: 'Neuigkeit' },
  'list.link': { label: 'Link' },
  'pattern.paragraph': { label: 'Bitte nur ein Absatz: keine Leerzeile, kein HTML, keine Bilder; Links nur mit https://, http://, mailto:, tel: oder /pfad/.' },
  'pattern.alias': { label: 'Bitte einen Pfad wie /rathaus/ oder /alt/seite.html: Buchstaben, Ziffern, - _ ~, Punkte nur innerhalb eines Namens.' },
  'pattern.body': { label: 'Bitte kein HTML und keine Bilder; Links nur mit https://, http://, mailto:, tel: oder /pfad/.' },
  'pattern.link': { label: 'Bitte eine vollständige Adresse mit https:// (oder http://) oder einen Pfad dieser Website wie /soest/. E-Mail und Telefon gehören zu den Kontaktwegen.' },
  'pattern.line': { label: 'Bitte ausfüllen, in einer Zeile und ohne Steuerzeichen.' },
  'pattern.text': { label: 'Bitte ausfüllen, ohne Steuerzeichen.' },
  'pattern.web': { label: 'Bitte eine vollständige Adresse mit https:// oder einen Pfad dieser Website wie /soest/formulare/.' },
  'pattern.email': { label: 'Bitte eine E-Mail-Adresse wie buergerbuero@soest.de.' },
  'pattern.phone': { label: 'Bitte die Nummer mit Vorwahl angeben, z. B. 02921 103-2127 oder +49 2921 1032127. Ohne Vorwahl gehen nur 110, 112, 115 und 116117.' },
  'pattern.ars': { label: 'Bitte genau 12 Ziffern, ohne Leerzeichen.' },
  'pattern.leika': { label: 'Bitte genau 14 Ziffern, ohne Leerzeichen.' },
  'pattern.time': { label: 'Bitte Datum und Uhrzeit so schreiben: 06.12.2026 08:10 (oder nur das Datum: 06.12.2026).' },
  'stamp.updated': { label: 'Wird beim Speichern einer Änderung auf jetzt gesetzt (Ortszeit). Nur ändern, wenn die Angaben zu einem anderen Zeitpunkt geprüft wurden.' },
};
