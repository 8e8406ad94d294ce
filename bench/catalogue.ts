/**
 * What the synthetic content is made of: the services of German town halls and district
 * offices with the tasks citizens come for and the words they search with, town names,
 * area codes of Südwestfalen, and sentences for summaries, notes and bodies.
 * Plain data; `generate.ts` draws from it with a seeded random number generator.
 */

export interface ServiceTemplate {
  title: string;
  /** Extension block of the service's phone numbers (`103-2xxx`). */
  extension: number;
  tasks: readonly string[];
  keywords: readonly string[];
  /** Only district offices (Kreis) offer it. */
  district?: boolean;
  /** The service has an online portal. */
  online?: boolean;
}

export const services: readonly ServiceTemplate[] = [
  {
    title: 'Bürgerbüro',
    extension: 2100,
    tasks: ['Wohnsitz an-, ab- oder ummelden', 'Personalausweis oder Reisepass beantragen', 'Beantragten Ausweis abholen', 'Meldebescheinigung ausstellen lassen', 'Führungszeugnis beantragen', 'Termin im Bürgerbüro vereinbaren'],
    keywords: ['Bürgeramt', 'Meldeamt', 'Einwohnermeldeamt', 'Anmeldung', 'Ummeldung', 'Umzug', 'Ausweis', 'Perso', 'Personalausweis', 'Pass', 'Reisepass', 'Kinderreisepass'],
    online: true,
  },
  {
    title: 'Standesamt',
    extension: 2200,
    tasks: ['Geburt beurkunden lassen', 'Eheschließung anmelden', 'Sterbefall beurkunden lassen', 'Urkunde aus dem Personenstandsregister bestellen', 'Namensänderung erklären', 'Vaterschaft anerkennen'],
    keywords: ['Heirat', 'Hochzeit', 'Trauung', 'Ehe', 'Geburtsurkunde', 'Sterbeurkunde', 'Eheurkunde', 'Personenstand', 'Kirchenaustritt'],
  },
  {
    title: 'Kfz-Zulassung',
    extension: 3100,
    district: true,
    tasks: ['Fahrzeug zulassen, umschreiben oder abmelden', 'Wunschkennzeichen reservieren', 'Kurzzeitkennzeichen beantragen', 'Vereinbarten Termin bei der Zulassungsstelle wahrnehmen', 'Halterauskunft beantragen'],
    keywords: ['Zulassungsstelle', 'Straßenverkehrsamt', 'Kfz', 'Auto', 'Pkw', 'Motorrad', 'Fahrzeug', 'Zulassung', 'Kennzeichen', 'Nummernschild', 'Wunschkennzeichen'],
    online: true,
  },
  {
    title: 'Führerscheinstelle',
    extension: 3200,
    district: true,
    tasks: ['Führerschein beantragen', 'Führerschein umtauschen', 'Internationalen Führerschein beantragen', 'Ersatzführerschein beantragen'],
    keywords: ['Führerschein', 'Fahrerlaubnis', 'Fahrschule', 'Pflichtumtausch', 'Kartenführerschein'],
  },
  {
    title: 'Ausländerbehörde',
    extension: 3300,
    district: true,
    tasks: ['Aufenthaltstitel verlängern', 'Niederlassungserlaubnis beantragen', 'Verpflichtungserklärung abgeben', 'Einbürgerung beantragen'],
    keywords: ['Aufenthalt', 'Aufenthaltserlaubnis', 'Visum', 'Einbürgerung', 'Staatsangehörigkeit', 'Migration', 'Blaue Karte'],
  },
  {
    title: 'Gewerbeamt',
    extension: 2300,
    tasks: ['Gewerbe an-, um- oder abmelden', 'Gaststättenerlaubnis beantragen', 'Reisegewerbekarte beantragen', 'Auszug aus dem Gewerberegister anfordern'],
    keywords: ['Gewerbe', 'Gewerbeanmeldung', 'Gewerbeschein', 'Selbstständigkeit', 'Firma', 'Gaststätte', 'Markt'],
    online: true,
  },
  {
    title: 'Bauordnung',
    extension: 2400,
    tasks: ['Bauantrag einreichen', 'Bauvoranfrage stellen', 'Akteneinsicht in Bauakten beantragen', 'Abgeschlossenheitsbescheinigung beantragen'],
    keywords: ['Bauamt', 'Baugenehmigung', 'Bauantrag', 'Bauen', 'Bebauungsplan', 'Baulast', 'Garage', 'Carport'],
  },
  {
    title: 'Sozialamt',
    extension: 2500,
    tasks: ['Grundsicherung beantragen', 'Hilfe zum Lebensunterhalt beantragen', 'Bildungs- und Teilhabeleistungen beantragen', 'Schwerbehindertenausweis beantragen'],
    keywords: ['Sozialhilfe', 'Grundsicherung', 'Bürgergeld', 'Bildung und Teilhabe', 'Schwerbehinderung', 'Pflege'],
  },
  {
    title: 'Jugendamt',
    extension: 2600,
    tasks: ['Unterhaltsvorschuss beantragen', 'Beistandschaft beantragen', 'Sorgeerklärung abgeben', 'Erziehungsberatung vereinbaren'],
    keywords: ['Unterhalt', 'Unterhaltsvorschuss', 'Sorgerecht', 'Familie', 'Kinder', 'Erziehung', 'Pflegekinder'],
  },
  {
    title: 'Wohngeldstelle',
    extension: 2650,
    tasks: ['Wohngeld beantragen', 'Weiterleistungsantrag für Wohngeld stellen', 'Wohnberechtigungsschein beantragen'],
    keywords: ['Wohngeld', 'Mietzuschuss', 'Lastenzuschuss', 'WBS', 'Wohnberechtigungsschein', 'Miete'],
    online: true,
  },
  {
    title: 'Elterngeldstelle',
    extension: 3400,
    district: true,
    tasks: ['Elterngeld beantragen', 'Elternzeit bescheinigen lassen'],
    keywords: ['Elterngeld', 'ElterngeldPlus', 'Elternzeit', 'Geburt', 'Baby'],
    online: true,
  },
  {
    title: 'Steueramt',
    extension: 2700,
    tasks: ['Hund an- oder abmelden', 'Grundsteuerbescheid erläutern lassen', 'Gewerbesteuer vorauszahlen', 'Zweitwohnungsteuer erklären'],
    keywords: ['Steuern', 'Hundesteuer', 'Hundemarke', 'Grundsteuer', 'Gewerbesteuer', 'Zweitwohnung', 'Abgaben'],
  },
  {
    title: 'Stadtkasse',
    extension: 2750,
    tasks: ['Rechnung bezahlen', 'Ratenzahlung vereinbaren', 'SEPA-Lastschriftmandat erteilen', 'Auszahlung erfragen'],
    keywords: ['Kasse', 'Zahlung', 'Überweisung', 'Bankverbindung', 'Mahnung', 'Lastschrift', 'Rechnungen'],
  },
  {
    title: 'Ordnungsamt',
    extension: 2800,
    tasks: ['Veranstaltung anmelden', 'Lärmbeschwerde melden', 'Bewohnerparkausweis beantragen', 'Sondernutzung öffentlicher Flächen beantragen'],
    keywords: ['Ordnung', 'Parken', 'Parkausweis', 'Lärm', 'Veranstaltung', 'Sondernutzung', 'Straßenfest'],
  },
  {
    title: 'Fundbüro',
    extension: 2850,
    tasks: ['Fundsache abgeben', 'Verlorenen Gegenstand suchen', 'Fundsache abholen'],
    keywords: ['Fundsachen', 'verloren', 'gefunden', 'Schlüssel', 'Geldbörse', 'Fahrrad'],
  },
  {
    title: 'Friedhofsverwaltung',
    extension: 2900,
    tasks: ['Grabstätte erwerben', 'Nutzungsrecht verlängern', 'Bestattung anmelden'],
    keywords: ['Friedhof', 'Grab', 'Bestattung', 'Beerdigung', 'Urne', 'Trauerfall'],
  },
  {
    title: 'Sperrmüll',
    extension: 4100,
    tasks: ['Sperrmüll-Abholung beantragen', 'Elektrogeräte abholen lassen', 'Grünschnitt anmelden'],
    keywords: ['Sperrmüll', 'Sperrgut', 'Sperrmüllabholung', 'Sperrmülltermin', 'Müll', 'Abfall', 'Entsorgung', 'Möbel'],
    online: true,
  },
  {
    title: 'Abfallberatung',
    extension: 4200,
    tasks: ['Mülltonne bestellen oder tauschen', 'Abfallkalender anfordern', 'Abfuhrgebühren erfragen'],
    keywords: ['Müll', 'Mülltonne', 'Biotonne', 'Restmüll', 'Gelber Sack', 'Abfallkalender', 'Abfuhr'],
  },
  {
    title: 'Stadtbücherei',
    extension: 4300,
    tasks: ['Medien ausleihen', 'Ausleihe verlängern', 'Büchereiausweis beantragen'],
    keywords: ['Bibliothek', 'Bücherei', 'Bücher', 'Ausleihe', 'Onleihe', 'Leseausweis'],
    online: true,
  },
  {
    title: 'Volkshochschule',
    extension: 4400,
    tasks: ['Kurs anmelden', 'Kurs abmelden', 'Integrationskurs anmelden'],
    keywords: ['VHS', 'Kurse', 'Weiterbildung', 'Sprachkurs', 'Integrationskurs'],
    online: true,
  },
  {
    title: 'Musikschule',
    extension: 4450,
    tasks: ['Zum Unterricht anmelden', 'Instrument ausleihen'],
    keywords: ['Musik', 'Unterricht', 'Instrument', 'Gitarre', 'Klavier'],
  },
  {
    title: 'Kita-Vormerkung',
    extension: 2620,
    tasks: ['Kita-Platz vormerken', 'Elternbeitrag erklären', 'Tagespflege vermitteln lassen'],
    keywords: ['Kita', 'Kindergarten', 'Kindertagesstätte', 'Betreuung', 'Tagesmutter', 'Kita-Platz', 'Elternbeitrag'],
    online: true,
  },
  {
    title: 'Schulverwaltung',
    extension: 4500,
    tasks: ['Kind an der Grundschule anmelden', 'Schülerfahrkarte beantragen', 'Offenen Ganztag anmelden'],
    keywords: ['Schule', 'Grundschule', 'Einschulung', 'Schülerticket', 'Ganztag', 'OGS'],
  },
  {
    title: 'Gesundheitsamt',
    extension: 3500,
    district: true,
    tasks: ['Belehrung nach dem Infektionsschutzgesetz', 'Impfberatung vereinbaren', 'Trinkwasseruntersuchung anfragen'],
    keywords: ['Gesundheit', 'Impfung', 'Belehrung', 'Gesundheitszeugnis', 'Hygiene', 'Trinkwasser'],
  },
  {
    title: 'Veterinäramt',
    extension: 3600,
    district: true,
    tasks: ['Tierhaltung anzeigen', 'Heimtierausweis ausstellen lassen', 'Tierschutzverstoß melden'],
    keywords: ['Tiere', 'Tierschutz', 'Lebensmittelkontrolle', 'Tierhaltung', 'Heimtierausweis'],
  },
  {
    title: 'Straßenverkehrsbehörde',
    extension: 2950,
    tasks: ['Halteverbot für einen Umzug beantragen', 'Schwertransport genehmigen lassen', 'Behindertenparkausweis beantragen'],
    keywords: ['Halteverbot', 'Umzug', 'Verkehr', 'Baustelle', 'Parkerleichterung', 'Verkehrszeichen'],
  },
  {
    title: 'Bußgeldstelle',
    extension: 3700,
    district: true,
    tasks: ['Anhörungsbogen zurücksenden', 'Bußgeld bezahlen', 'Einspruch einlegen'],
    keywords: ['Bußgeld', 'Verwarngeld', 'Blitzer', 'Knöllchen', 'Strafzettel', 'Anhörung'],
  },
  {
    title: 'Wahlamt',
    extension: 2050,
    tasks: ['Briefwahl beantragen', 'Wahlhelferin oder Wahlhelfer werden', 'Eintragung ins Wählerverzeichnis prüfen'],
    keywords: ['Wahl', 'Briefwahl', 'Wahlschein', 'Wahlbenachrichtigung', 'Wahllokal'],
    online: true,
  },
  {
    title: 'Rentenberatung',
    extension: 2550,
    tasks: ['Rentenantrag stellen', 'Versicherungsverlauf klären lassen'],
    keywords: ['Rente', 'Rentenantrag', 'Altersrente', 'Witwenrente', 'Versicherungsamt'],
  },
  {
    title: 'Vermessung und Kataster',
    extension: 3800,
    district: true,
    tasks: ['Auszug aus dem Liegenschaftskataster bestellen', 'Bodenrichtwert erfragen', 'Grenzvermessung beantragen'],
    keywords: ['Kataster', 'Flurkarte', 'Liegenschaft', 'Grundstück', 'Vermessung', 'Bodenrichtwert'],
  },
  {
    title: 'Stadtarchiv',
    extension: 4600,
    tasks: ['Akteneinsicht im Archiv beantragen', 'Familienforschung anfragen'],
    keywords: ['Archiv', 'Ahnenforschung', 'Chronik', 'Geschichte'],
  },
  {
    title: 'Tourist-Information',
    extension: 4700,
    tasks: ['Stadtführung buchen', 'Veranstaltungskalender erhalten'],
    keywords: ['Tourismus', 'Stadtführung', 'Ausflug', 'Übernachtung', 'Veranstaltungen'],
  },
  {
    title: 'Sitzungsdienst',
    extension: 2010,
    tasks: ['Sitzungsunterlagen einsehen', 'Einwohnerfrage stellen'],
    keywords: ['Rat', 'Ratssitzung', 'Ausschuss', 'Politik', 'Ratsinformationssystem'],
  },
  {
    title: 'Bauhof',
    extension: 4800,
    tasks: ['Schaden an einer Straße melden', 'Defekte Straßenlaterne melden', 'Streupflicht erfragen'],
    keywords: ['Straßenschaden', 'Schlagloch', 'Laterne', 'Winterdienst', 'Grünpflege', 'Mängelmelder'],
    online: true,
  },
  {
    title: 'Schwimmbad',
    extension: 4900,
    tasks: ['Eintrittskarte kaufen', 'Schwimmkurs anmelden'],
    keywords: ['Hallenbad', 'Freibad', 'Schwimmen', 'Schwimmkurs', 'Sauna'],
  },
  {
    title: 'Wirtschaftsförderung',
    extension: 2350,
    tasks: ['Gewerbefläche anfragen', 'Förderberatung vereinbaren'],
    keywords: ['Wirtschaft', 'Förderung', 'Gründung', 'Gewerbegebiet', 'Existenzgründung'],
  },
  {
    title: 'Umweltamt',
    extension: 3900,
    district: true,
    tasks: ['Baumfällung beantragen', 'Heizöltank anzeigen', 'Wasserrechtliche Erlaubnis beantragen'],
    keywords: ['Umwelt', 'Naturschutz', 'Baum', 'Wasser', 'Immissionsschutz', 'Heizöl'],
  },
];

/** Real area codes of Südwestfalen (Kreis Soest, Hochsauerlandkreis, Märkischer Kreis, Olpe, Siegen-Wittgenstein). */
export const areaCodes: readonly string[] = [
  '02921', '02922', '02923', '02924', '02925', '02927', '02928', '02941', '02942', '02943', '02944', '02945',
  '02947', '02948', '02952', '02953', '02954', '02902', '02904', '0291', '02961', '02962', '02963', '02964',
  '02931', '02932', '02933', '02934', '02935', '02981', '02982', '02983', '02984', '02985', '02991', '02992',
  '02371', '02372', '02373', '02374', '02351', '02352', '02353', '02354', '02355', '02357', '02358', '02359',
  '02391', '02392', '02393', '02394', '02761', '02762', '02763', '02764', '02721', '02722', '02723', '02724',
  '0271', '02732', '02733', '02734', '02735', '02736', '02737', '02738', '02739', '02751', '02752', '02753',
];

/** Real towns and districts of the region; more are made up from the parts below. */
export const realTowns: readonly string[] = [
  'Soest', 'Werl', 'Lippstadt', 'Erwitte', 'Geseke', 'Rüthen', 'Warstein', 'Anröchte', 'Bad Sassendorf', 'Ense',
  'Lippetal', 'Möhnesee', 'Welver', 'Wickede (Ruhr)', 'Arnsberg', 'Meschede', 'Brilon', 'Sundern', 'Schmallenberg',
  'Winterberg', 'Marsberg', 'Olsberg', 'Medebach', 'Hallenberg', 'Bestwig', 'Eslohe', 'Iserlohn', 'Lüdenscheid',
  'Menden', 'Hemer', 'Plettenberg', 'Altena', 'Meinerzhagen', 'Werdohl', 'Halver', 'Kierspe', 'Neuenrade',
  'Balve', 'Schalksmühle', 'Herscheid', 'Nachrodt-Wiblingwerde', 'Olpe', 'Attendorn', 'Lennestadt', 'Finnentrop',
  'Drolshagen', 'Wenden', 'Kirchhundem', 'Siegen', 'Kreuztal', 'Netphen', 'Hilchenbach', 'Freudenberg',
  'Bad Berleburg', 'Bad Laasphe', 'Burbach', 'Neunkirchen', 'Wilnsdorf', 'Erndtebrück',
];

export const districtNames: readonly string[] = [
  'Kreis Soest', 'Hochsauerlandkreis', 'Märkischer Kreis', 'Kreis Olpe', 'Kreis Siegen-Wittgenstein',
  'Kreis Unna', 'Kreis Paderborn', 'Kreis Höxter', 'Kreis Warendorf', 'Ennepe-Ruhr-Kreis', 'Oberbergischer Kreis',
  'Kreis Gütersloh',
];

export const namePrefixes: readonly string[] = ['', '', '', 'Ober', 'Nieder', 'Alt', 'Neu', 'Groß', 'Klein', 'Bad '];
export const nameStems: readonly string[] = [
  'Ahl', 'Bern', 'Dör', 'Eich', 'Fried', 'Grün', 'Hohen', 'Holz', 'Kirch', 'Lin', 'Mar', 'Mühl', 'Nord', 'Oster',
  'Rosen', 'Sand', 'Stein', 'Tal', 'Wald', 'Wester', 'Wies', 'Wolf', 'Bruch', 'Elm', 'Hag', 'Lau', 'Roth', 'Schön',
];
export const nameSuffixes: readonly string[] = [
  'hausen', 'berg', 'dorf', 'feld', 'heim', 'rode', 'bach', 'stedt', 'ingen', 'kirchen', 'hagen', 'brück', 'au', 'scheid',
];

export const streets: readonly string[] = ['Marktplatz', 'Rathausplatz', 'Hauptstraße', 'Am Rathaus', 'Kirchplatz', 'Bahnhofstraße', 'Schulstraße', 'Lindenweg'];

/** Inline texts. `{town}`, `{service}`, `{date}` are filled in. */
export const summaries: Readonly<Record<'normal' | 'limited' | 'deferred' | 'unavailable', readonly string[]>> = {
  normal: [
    'Arbeitet wieder wie gewohnt, persönlich und telefonisch erreichbar.',
    'Nicht betroffen: Alle Anliegen können wie gewohnt erledigt werden.',
  ],
  limited: [
    'Eingeschränkt erreichbar: Telefon funktioniert, E-Mails kommen nicht an. Vor dem Besuch bitte anrufen.',
    'Geöffnet, aber ohne Zugriff auf die Fachverfahren; viele Anliegen dauern länger. Ab {date} soll es wieder normal laufen.',
    'Nur mit Termin und mit Wartezeiten. Einige Anliegen können nicht bearbeitet werden.',
  ],
  deferred: [
    'Anträge werden angenommen, aber erst bearbeitet, wenn die Fachverfahren wieder laufen.',
    'Unterlagen können abgegeben werden; die Bearbeitung beginnt voraussichtlich ab {date}.',
  ],
  unavailable: [
    'Zurzeit geschlossen: Die Fachverfahren sind nicht erreichbar. Bitte verschieben Sie nicht dringende Anliegen.',
    'Kann derzeit nicht arbeiten. In dringenden Fällen hilft das Bürgertelefon weiter.',
  ],
};

export const taskNotes: readonly string[] = [
  'Bitte vorher telefonisch nachfragen.',
  'Der Antrag wird angenommen und später bearbeitet.',
  'Nur in dringenden Fällen, mit Nachweis der Dringlichkeit.',
  'Unterlagen bitte in Papierform mitbringen.',
  'Ab {date} wieder möglich.',
  'Gebühren können zurzeit nur bar bezahlt werden.',
];

export const townSummaries: readonly string[] = [
  'Das Rathaus ist geöffnet und telefonisch erreichbar. E-Mails kommen nicht an, die Website ist ausgefallen.',
  'Die Verwaltung arbeitet eingeschränkt: Viele Dienststellen haben keinen Zugriff auf ihre Fachverfahren. Vor dem Besuch bitte anrufen.',
  'Das Rathaus bleibt bis auf Weiteres geschlossen. Das Bürgertelefon ist zu den üblichen Zeiten erreichbar.',
  'Die meisten Dienste laufen wieder. Einzelne Anliegen können noch nicht bearbeitet werden.',
];

export const updateTexts: readonly string[] = [
  'Das Bürgerbüro öffnet ab {date} wieder, ohne Termin, mit Warteticket.',
  'Die Telefonanlage funktioniert wieder; E-Mails kommen weiterhin nicht an.',
  'Eine vorübergehende Ersatz-Website ist online.',
  'Anträge können wieder in Papierform abgegeben werden.',
  'Die Kfz-Zulassung arbeitet ab {date} wieder mit eingeschränkten Öffnungszeiten.',
];

/** Paragraphs of service bodies (Markdown). */
export const paragraphs: readonly string[] = [
  'Aufgrund des Cyberangriffs auf den kommunalen IT-Dienstleister ist die Dienststelle „{service}“ in {town} bis auf Weiteres nur **eingeschränkt** erreichbar. Die Mitarbeiterinnen und Mitarbeiter haben keinen Zugriff auf die Fachverfahren und können viele Anliegen nicht abschließend bearbeiten.',
  'Bitte erkundigen Sie sich **vor dem Besuch telefonisch**, ob Ihr Anliegen bearbeitet werden kann. Wenn es nicht dringend ist, verschieben Sie den Behördengang am besten auf einen anderen Tag.',
  'Anträge in Papierform werden angenommen und mit einem Eingangsstempel versehen. Fristen, die während der Störung ablaufen, werden nicht zu Ihrem Nachteil ausgelegt.',
  'Bereits vereinbarte Termine können nicht eingesehen werden. Wer einen Termin hat, kann deshalb weder per Telefon noch per E-Mail benachrichtigt werden; bitte kommen Sie trotzdem oder rufen Sie vorher an.',
  'Gebühren können zurzeit nur **bar** bezahlt werden, weil die Kartenterminals nicht mit dem Netz verbunden sind.',
  'Sobald die Systeme wieder laufen, arbeitet die Dienststelle die liegengebliebenen Vorgänge in der Reihenfolge ihres Eingangs ab. Dabei kann es zu Wartezeiten kommen.',
  'Aktuelle Hinweise veröffentlichen wir hier und auf den Aushängen am Rathaus. Das Bürgertelefon gibt Auskunft zu den üblichen Öffnungszeiten.',
];

export const bodyHeadings: readonly string[] = ['Was geht', 'Was nicht geht', 'Bitte vorher anrufen', 'Wie es weitergeht'];

export const bodyListItems: readonly string[] = [
  'Personalausweis oder Reisepass mitbringen',
  'Unterlagen vollständig und in Papierform einreichen',
  'Wartezeiten einplanen',
  'In dringenden Fällen das Bürgertelefon anrufen',
  'Termine werden nicht automatisch verschoben',
];
