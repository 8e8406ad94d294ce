/**
 * German words Sveltia CMS 0.221.1 has not translated yet (its `locales/de.json` lacks them, so
 * the interface showed them in English, e.g. "Show Errors"). The build merges them into that file
 * (src/editor/integration.ts); a word Sveltia translates itself is never replaced. Messages for
 * developers about a wrong configuration (`config.*`) stay English: the configuration is
 * generated and tested, a clerk never sees them. A unit test lists what is still missing after an
 * update of Sveltia (tests/unit/editor/sveltia-de.test.ts).
 *
 * Strings use Sveltia's message syntax (MessageFormat 2): `{$name}`, `.input … .match`.
 */
export const sveltiaGerman: Readonly<Record<string, string>> = {
  select_item: '{$name} auswählen',
  folders: 'Ordner',
  more_folders: 'Weitere Ordner',
  sign_in_using_access_token_workflow_note: 'Weil Änderungen zur Prüfung vorgelegt werden, braucht der Token auch Lese- und Schreibzugriff auf Pull Requests.',
  sign_in_with_link: 'Mit Link anmelden',
  sign_in_with_link_confirmation:
    'Dieser Link meldet Sie als {$account} bei {$service} an und übernimmt die Einstellungen des Geräts, auf dem er erstellt wurde. Fahren Sie nur fort, wenn Sie den Link selbst erstellt haben.',
  domain: 'Domain',
  file_unavailable: 'Nicht verfügbar',
  file_unavailable_description: 'Diese Datei konnte nicht geladen werden. Vielleicht wurde sie verschoben oder gelöscht.',
  back_to_parent_folder: 'Zurück zum übergeordneten Ordner',
  new_folder: 'Neuer Ordner',
  new_folder_name: 'Name des Ordners',
  new_folder_create: 'Anlegen',
  new_folder_description: 'Der neue Ordner wird in „{$folder}“ angelegt.',
  'new_folder_error.empty': 'Der Name des Ordners darf nicht leer sein.',
  'new_folder_error.invalid': 'Der Name des Ordners darf keinen Schrägstrich enthalten und nicht mit einem Punkt beginnen.',
  'new_folder_error.duplicate': 'Hier gibt es schon einen Ordner oder eine Datei mit diesem Namen.',
  creating_folder: 'Ordner wird angelegt…',
  creating_folder_failed: 'Der Ordner konnte nicht angelegt werden.',
  folder_options: 'Ordneroptionen',
  show_folder_options: 'Ordneroptionen anzeigen',
  rename_folder: 'Ordner umbenennen',
  delete_folder: 'Ordner löschen',
  enter_new_name_for_folder:
    '.input {$count :integer} .match $count 0 {{Geben Sie unten einen neuen Namen ein.}} one {{Geben Sie unten einen neuen Namen ein. Die Datei im Ordner wird mit verschoben, und jeder Eintrag, der sie verwendet, wird angepasst.}} * {{Geben Sie unten einen neuen Namen ein. Die {$count} Dateien im Ordner werden mit verschoben, und alle Einträge, die sie verwenden, werden angepasst.}}',
  enter_new_name_for_external_folder:
    '.input {$count :integer} .match $count 0 {{Geben Sie unten einen neuen Namen ein.}} one {{Geben Sie unten einen neuen Namen ein. Die Datei im Ordner wird mit verschoben und ihre Adresse ändert sich: Passen Sie jeden Eintrag an, der sie verwendet.}} * {{Geben Sie unten einen neuen Namen ein. Die {$count} Dateien im Ordner werden mit verschoben und ihre Adressen ändern sich: Passen Sie alle Einträge an, die sie verwenden.}}',
  confirm_deleting_folder:
    '.input {$count :integer} .match $count 0 {{Den leeren Ordner „{$name}“ wirklich löschen?}} one {{Den Ordner „{$name}“ und die Datei darin wirklich löschen?}} * {{Den Ordner „{$name}“ und die {$count} Dateien darin wirklich löschen?}}',
  renaming_folder: 'Ordner wird umbenannt…',
  renaming_folder_failed: 'Der Ordner konnte nicht umbenannt werden.',
  deleting_folder: 'Ordner wird gelöscht…',
  deleting_folder_failed: 'Der Ordner konnte nicht gelöscht werden.',
  replace_file: 'Datei ersetzen',
  replace_image: 'Bild ersetzen',
  remove_file: 'Datei entfernen',
  remove_image: 'Bild entfernen',
  deleting_referenced_assets_note:
    '.input {$count :integer} .match $count one {{Der Verweis darauf in einem Eintrag wird ebenfalls entfernt.}} * {{Die Verweise darauf in {$count} Einträgen werden ebenfalls entfernt.}}',
  cannot_delete_referenced_assets:
    '.input {$count :integer} .match $count one {{Diese Datei kann nicht gelöscht werden: Die folgenden Felder der Einträge, die sie verwenden, wären ohne sie nicht mehr gültig. Ändern Sie zuerst diese Einträge.}} * {{Diese Dateien können nicht gelöscht werden: Die folgenden Felder der Einträge, die sie verwenden, wären ohne sie nicht mehr gültig. Ändern Sie zuerst diese Einträge.}}',
  deleting_referenced_entries_note:
    '.input {$count :integer} .match $count one {{Der Verweis darauf in einem anderen Eintrag wird ebenfalls entfernt.}} * {{Die Verweise darauf in {$count} anderen Einträgen werden ebenfalls entfernt.}}',
  cannot_delete_referenced_entries:
    '.input {$count :integer} .match $count one {{Dieser Eintrag kann nicht gelöscht werden: Die folgenden Felder anderer Einträge wären ohne ihn nicht mehr gültig. Ändern Sie zuerst diese Einträge.}} * {{Diese Einträge können nicht gelöscht werden: Die folgenden Felder anderer Einträge wären ohne sie nicht mehr gültig. Ändern Sie zuerst diese Einträge.}}',
  show_errors: 'Fehler anzeigen',
  folder_created: 'Ordner angelegt.',
  folder_path: 'Pfad des Ordners',
  folder_contents: 'Inhalt',
  x_folders: '.input {$count :integer} .match $count 0 {{Keine Ordner}} one {{{$count} Ordner}} * {{{$count} Ordner}}',
  folder_renamed: 'Ordner umbenannt.',
  folder_deleted: 'Ordner gelöscht.',
  'entry_sidebar.slug.title': 'Dateiname',
  'entry_sidebar.slug.generated_on_save': 'Der Dateiname wird beim Speichern aus dem Inhalt gebildet. Ein Datum oder eine Uhrzeit darin sind die des Speicherns.',
  'entry_sidebar.slug.unavailable': 'Dieser Eintrag hat keinen Dateinamen.',
  'save_conflict.title': 'Jemand anderes hat den Eintrag geändert',
  'save_conflict.modified_by': '{$name} hat diesen Eintrag am {$date} geändert, nachdem Sie ihn geöffnet hatten.',
  'save_conflict.modified': 'Dieser Eintrag wurde im Repository geändert, nachdem Sie ihn geöffnet hatten.',
  'save_conflict.deleted': 'Dieser Eintrag wurde im Repository gelöscht, nachdem Sie ihn geöffnet hatten.',
  'save_conflict.overwrite_warning': 'Wenn Sie jetzt speichern, gehen die Änderungen der anderen Person verloren.',
  'save_conflict.recreate_warning': 'Wenn Sie jetzt speichern, wird der Eintrag neu angelegt.',
  'save_conflict.save_anyway': 'Trotzdem speichern',
  'save_conflict.branch_moved': 'Jemand anderes hat das Repository während des Speicherns geändert. Bitte noch einmal speichern.',
  'remote_change.reload_entry': 'Eintrag neu laden',
  'remote_change.confirm_reloading_entry': 'Den Eintrag wirklich neu laden? Ihre ungespeicherten Änderungen gehen verloren.',
  list_item_options: 'Optionen für den Listeneintrag',
  'relation_field.save_together_hint': '{$name} wird zusammen mit dem Eintrag gespeichert, den Sie gerade bearbeiten.',
  'relation_field.add_failed': '{$name} konnte nicht hinzugefügt werden. Einzelheiten stehen in der Konsole des Browsers.',
  'assets_dialog.title.folder': 'Ordner auswählen',
  'assets_dialog.selected_folder': 'Ausgewählter Ordner: {$path}',
  'assets_dialog.selected_folders': '.input {$count :integer} .match $count one {{{$count} Ordner ausgewählt}} * {{{$count} Ordner ausgewählt}}',
  'assets_dialog.no_subfolders': 'Dieser Ordner hat keine Unterordner.',
  'cloud_storage.bunny_storage.auth_key_label': 'Passwort der Storage Zone',
  'status.deploying': 'Wird veröffentlicht',
  'workflow.deploying_deletion': 'Löschung',
};

type Tree = { [key: string]: string | Tree };

/** Sveltia's German strings with the missing ones added (nested as in the file); existing ones win. */
export function withGermanAdditions(strings: Tree, additions: Readonly<Record<string, string>> = sveltiaGerman): Tree {
  const out: Tree = structuredClone(strings);
  add: for (const [key, text] of Object.entries(additions)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      // A text where a group is expected: Sveltia changed its keys; leave its text alone.
      if (typeof next === 'string') continue add;
      node = next ?? (node[part] = {});
    }
    const last = parts.at(-1)!;
    if (node[last] === undefined) node[last] = text;
  }
  return out;
}
