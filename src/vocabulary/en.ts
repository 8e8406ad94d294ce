/**
 * English: the words citizens use for the services of a town, for sites with `language: en`.
 * Smaller than the German vocabulary; English writes compounds apart, so none are split.
 * Reviewed data, read by `expand.ts`; see `de.ts` for how groups are meant and how to add words.
 */
import type { Vocabulary } from './types.ts';

export const en: Vocabulary = {
  endings: ['ies', 'es', 's'],
  groups: [
    // Registration, identity documents
    ['citizens office', 'citizen services', 'town hall services', 'registration office', 'residents registration', 'Bürgerbüro'],
    ['move', 'moving', 'relocate', 'relocation', 'change of address', 'new address', 'register address', 'moved'],
    ['register residence', 'registration', 'Anmeldung', 'register your address', 'residence registration'],
    ['deregister', 'deregistration', 'moving abroad', 'leaving the country', 'Abmeldung'],
    ['certificate of registration', 'proof of address', 'registration certificate', 'Meldebescheinigung', 'proof of residence'],
    ['identity card', 'ID card', 'ID', 'national ID', 'Personalausweis', 'identification'],
    ['passport', 'travel document', 'Reisepass', 'passports'],
    ['childrens passport', 'child passport', 'passport for children', 'Kinderreisepass'],
    ['collect', 'pick up', 'collection', 'ready for collection'],
    ['lost', 'stolen', 'missing', 'report loss', 'lost property', 'found', 'lost and found', 'Fundbüro'],
    ['certificate of good conduct', 'criminal record', 'police certificate', 'background check', 'Führungszeugnis'],
    ['certified copy', 'certification', 'notarise', 'notarize', 'attestation', 'authenticate', 'Beglaubigung'],
    ['appointment', 'book an appointment', 'booking', 'schedule', 'slot', 'Termin'],
    ['opening hours', 'office hours', 'open', 'times', 'when open'],

    // Civil registry
    ['registry office', 'register office', 'civil registry', 'Standesamt', 'registrar'],
    ['wedding', 'marriage', 'marry', 'get married', 'civil wedding', 'Trauung', 'Eheschließung', 'ceremony'],
    ['birth', 'newborn', 'baby', 'register a birth', 'birth registration'],
    ['birth certificate', 'Geburtsurkunde', 'certificate of birth'],
    ['marriage certificate', 'Heiratsurkunde', 'certificate of marriage'],
    ['death', 'died', 'bereavement', 'register a death', 'death registration'],
    ['death certificate', 'Sterbeurkunde', 'certificate of death'],
    ['change of name', 'name change', 'change name', 'surname'],
    ['leave the church', 'church tax', 'Kirchenaustritt', 'leaving the church'],

    // Vehicles, driving
    ['vehicle registration', 'car registration', 'register a car', 'number plate', 'licence plate', 'license plate', 'plates', 'Kfz-Zulassung', 'Kennzeichen', 'vehicle', 'car'],
    ['deregister a car', 'deregister vehicle', 'take off the road', 'scrap a car'],
    ['driving licence', 'driving license', 'drivers licence', 'drivers license', 'Führerschein', 'licence', 'license'],
    ['exchange licence', 'licence exchange', 'foreign licence', 'international driving permit', 'international licence'],
    ['emissions sticker', 'environmental badge', 'Umweltplakette', 'Feinstaubplakette'],
    ['fine', 'fines', 'parking ticket', 'penalty', 'speeding ticket', 'Bußgeld', 'Knöllchen', 'speeding', 'speed camera'],
    ['towed', 'towing', 'tow away', 'car towed'],
    ['parking', 'car park', 'parking permit', 'residents parking', 'resident parking permit', 'disabled parking', 'blue badge'],

    // Foreign nationals
    ['immigration office', 'foreigners office', 'Ausländerbehörde', 'immigration', 'migration office'],
    ['residence permit', 'residence title', 'permit to stay', 'Aufenthaltstitel', 'settlement permit', 'permanent residence'],
    ['visa', 'visas', 'entry'],
    ['work permit', 'permission to work', 'employment permit', 'blue card'],
    ['citizenship', 'naturalisation', 'naturalization', 'Einbürgerung', 'nationality'],
    ['asylum', 'refugee', 'refugees', 'asylum seeker', 'protection'],
    ['integration course', 'German course', 'language course', 'learn German'],

    // Social services, families
    ['social welfare office', 'social services', 'welfare', 'Sozialamt', 'social assistance', 'benefits'],
    ['basic income support', 'Bürgergeld', 'jobcentre', 'job centre', 'unemployment benefit'],
    ['housing benefit', 'rent allowance', 'Wohngeld', 'help with rent'],
    ['parental allowance', 'Elterngeld', 'parental leave', 'child benefit', 'Kindergeld'],
    ['youth welfare office', 'Jugendamt', 'child protection', 'family support', 'youth services'],
    ['childcare', 'nursery', 'kindergarten', 'Kita', 'day care', 'daycare', 'preschool', 'childcare place'],
    ['childminder', 'day nanny', 'Tagesmutter', 'family day care'],
    ['school', 'schools', 'school enrolment', 'school registration', 'enrol', 'enroll', 'Schulanmeldung'],
    ['school bus', 'school transport', 'school ticket', 'pupil ticket'],
    ['disability', 'disabled', 'severely disabled', 'disability card', 'Schwerbehindertenausweis', 'accessibility'],
    ['care', 'nursing care', 'elderly care', 'care home', 'long term care'],
    ['debt advice', 'debt', 'debts', 'insolvency'],
    ['homeless', 'homelessness', 'emergency shelter', 'shelter'],

    // Building, business, taxes
    ['building permit', 'planning permission', 'building application', 'Bauantrag', 'building authority', 'construction', 'build'],
    ['land registry', 'cadastre', 'land register', 'site plan', 'survey office'],
    ['trade licence', 'business registration', 'register a business', 'Gewerbe', 'Gewerbeanmeldung', 'start a business', 'self employed', 'trade office'],
    ['tax', 'taxes', 'local taxes', 'Steuern', 'council tax', 'levies', 'charges'],
    ['property tax', 'Grundsteuer', 'land tax'],
    ['dog tax', 'Hundesteuer', 'register a dog', 'dog licence', 'dog tag'],
    ['trade tax', 'Gewerbesteuer', 'business tax'],
    ['invoice', 'invoices', 'bill', 'bills', 'Rechnung', 'payment', 'pay', 'paying'],
    ['reminder', 'overdue', 'dunning', 'Mahnung', 'late payment'],
    ['direct debit', 'SEPA', 'bank transfer', 'transfer', 'IBAN'],
    ['fees', 'fee', 'cost', 'costs', 'price', 'prices', 'charge'],
    ['objection', 'appeal', 'complaint', 'Widerspruch'],

    // Waste, cemetery, public order
    ['waste', 'rubbish', 'garbage', 'trash', 'refuse', 'Müll', 'Abfall', 'waste collection', 'bin collection'],
    ['bin', 'bins', 'wheelie bin', 'dustbin', 'Tonne'],
    ['bulky waste', 'bulky items', 'Sperrmüll', 'furniture collection', 'large items'],
    ['recycling', 'recycling centre', 'recycling center', 'Wertstoffhof', 'household waste site', 'tip', 'dump'],
    ['hazardous waste', 'chemicals', 'batteries', 'Sondermüll'],
    ['collection calendar', 'bin calendar', 'collection dates', 'waste calendar', 'Abfallkalender'],
    ['cemetery', 'graveyard', 'Friedhof', 'burial ground'],
    ['funeral', 'burial', 'cremation', 'grave', 'urn', 'interment', 'Bestattung'],
    ['public order office', 'Ordnungsamt', 'public order', 'enforcement'],
    ['noise', 'noise complaint', 'loud', 'disturbance', 'quiet hours'],
    ['event permit', 'event', 'festival', 'street party', 'demonstration'],
    ['pothole', 'road damage', 'street light', 'street lighting', 'broken road'],
    ['roadworks', 'road works', 'road closure', 'closed road', 'diversion', 'detour'],

    // Culture, leisure
    ['library', 'libraries', 'Bücherei', 'Bibliothek', 'public library'],
    ['borrow', 'loan', 'renew', 'renewal', 'return', 'due date', 'library card', 'membership card'],
    ['ebooks', 'e-books', 'ebook', 'Onleihe', 'audiobooks', 'digital library'],
    ['adult education', 'adult education centre', 'VHS', 'Volkshochschule', 'evening classes', 'community college'],
    ['course', 'courses', 'class', 'classes', 'workshop', 'enrolment'],
    ['music school', 'Musikschule', 'music lessons', 'instrument lessons'],
    ['swimming pool', 'pool', 'indoor pool', 'outdoor pool', 'lido', 'Schwimmbad', 'Hallenbad', 'Freibad', 'baths', 'leisure centre'],
    ['swimming lessons', 'learn to swim', 'swim course'],
    ['sports hall', 'gym', 'sports ground', 'sports facilities'],
    ['playground', 'play area', 'park', 'parks', 'green spaces'],

    // Contact, emergencies
    ['phone', 'telephone', 'call', 'hotline', 'helpline', 'phone number'],
    ['email', 'e-mail', 'mail', 'email address'],
    ['post', 'letter', 'postal', 'by post', 'address'],
    ['online', 'online service', 'portal', 'web form', 'apply online', 'form', 'forms'],
    ['in person', 'counter', 'visit', 'walk in', 'on site'],
    ['town hall', 'city hall', 'council', 'administration', 'Rathaus', 'district office', 'local authority', 'municipality'],
    ['emergency', 'emergencies', 'emergency number', '112', '110', 'police', 'ambulance', 'fire brigade'],
    ['warning', 'warnings', 'siren', 'sirens', 'alert', 'alerts'],
    ['power cut', 'power outage', 'blackout', 'no electricity'],
    ['cyberattack', 'cyber attack', 'hacker attack', 'ransomware', 'IT outage', 'hacked'],
    ['health office', 'public health', 'Gesundheitsamt', 'vaccination', 'vaccinations', 'immunisation'],
    ['elections', 'election', 'vote', 'voting', 'postal vote', 'postal voting', 'polling station', 'Briefwahl'],
  ],
};
