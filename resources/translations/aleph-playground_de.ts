<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EmbeddingsExporter</name>
    <message>
        <source>There are no vectors to export yet.</source>
        <translation>Es gibt noch keine Vektoren zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>There is no map to export yet.</source>
        <translation>Es gibt noch keine Karte zum Exportieren.</translation>
    </message>
    <message>
        <source>Embedding map</source>
        <translation>Embedding-Karte</translation>
    </message>
    <message>
        <source>%1 texts; Aleph Playground</source>
        <translation>%1 Texte; Aleph Playground</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The request is not valid</source>
        <translation>Die Anfrage ist ungültig</translation>
    </message>
    <message>
        <source>The server refused the request</source>
        <translation>Der Server hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>The token was refused (HTTP 401). Check it in Profiles… (or AA_TOKEN / --token)</source>
        <translation>Das Token wurde abgelehnt (HTTP 401). Prüfen Sie es unter Profile… (oder AA_TOKEN / --token)</translation>
    </message>
    <message>
        <source>Your quota is used up</source>
        <translation>Ihr Kontingent ist aufgebraucht</translation>
    </message>
    <message>
        <source>The request timed out</source>
        <translation>Zeitüberschreitung bei der Anfrage</translation>
    </message>
    <message>
        <source>Too many requests; the server asked us to slow down</source>
        <translation>Zu viele Anfragen; der Server bittet um eine Pause</translation>
    </message>
    <message>
        <source>The service is busy; try again in a moment</source>
        <translation>Der Dienst ist ausgelastet; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>The server answered with an error</source>
        <translation>Der Server hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <source>Could not reach the server</source>
        <translation>Der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The secure connection failed</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The answer was cut off; the partial text is kept</source>
        <translation>Die Antwort wurde abgeschnitten; der bisherige Text bleibt erhalten</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 — retrying %2/%3 in %L4 s…</source>
        <translation>%1 — neuer Versuch %2/%3 in %L4 s…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>ExplanationExporter</name>
    <message>
        <source>Nothing to export yet: run an explanation first.</source>
        <translation>Noch nichts zu exportieren: führen Sie zuerst eine Erklärung aus.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Explanation heatmap exported by Aleph Playground</source>
        <translation>Erklärungs-Heatmap, exportiert von Aleph Playground</translation>
    </message>
    <message>
        <source>Could not render the SVG.</source>
        <translation>Das SVG konnte nicht erzeugt werden.</translation>
    </message>
</context>
<context>
    <name>ExplanationResult</name>
    <message>
        <source>%1 · “%2” → “%3”</source>
        <translation>%1 · „%2“ → „%3“</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Apply a concept from the Steering tab&apos;s library</source>
        <translation>Ein Konzept aus der Bibliothek des Steering-Tabs anwenden</translation>
    </message>
    <message>
        <source>%1 (made on %2)</source>
        <translation>%1 (erstellt auf %2)</translation>
    </message>
    <message>
        <source>The library is empty: create concepts in the Steering tab</source>
        <translation>Die Bibliothek ist leer: Konzepte erstellen Sie im Steering-Tab</translation>
    </message>
    <message>
        <source>No concept</source>
        <translation>Kein Konzept</translation>
    </message>
    <message>
        <source>PCA 1 (%L1 % of the variance)</source>
        <translation>PCA 1 (%L1 % der Varianz)</translation>
    </message>
    <message>
        <source>PCA 2 (%L1 %)</source>
        <translation>PCA 2 (%L1 %)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Explanation heatmap</source>
        <translation>Erklärungs-Heatmap</translation>
    </message>
    <message>
        <source>against the target</source>
        <translation>gegen das Ziel</translation>
    </message>
    <message>
        <source>for the target</source>
        <translation>für das Ziel</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>The colours: the system&apos;s, light or dark.</source>
        <translation>Die Farben: die des Systems, hell oder dunkel.</translation>
    </message>
    <message>
        <source>The language of the interface (applies after a restart).</source>
        <translation>Die Sprache der Oberfläche (gilt nach einem Neustart).</translation>
    </message>
    <message>
        <source>The size of all text, in percent of the system&apos;s font.</source>
        <translation>Die Größe aller Texte, in Prozent der Systemschrift.</translation>
    </message>
    <message>
        <source>Chat sends on Enter (Shift+Enter: a new line); off: only Ctrl+Enter sends.</source>
        <translation>Der Chat sendet mit Eingabe (Umschalt+Eingabe: neue Zeile); aus: Nur Strg+Eingabe sendet.</translation>
    </message>
    <message>
        <source>The model a new %1 tab starts with (empty: the first one listed).</source>
        <translation>Das Modell, mit dem ein neuer %1-Tab beginnt (leer: das erste aufgeführte).</translation>
    </message>
    <message>
        <source>maximum_tokens of a new completion: the most tokens generated.</source>
        <translation>maximum_tokens einer neuen Vervollständigung: höchstens so viele Token werden erzeugt.</translation>
    </message>
    <message>
        <source>temperature of a new completion: 0 is greedy, higher is more random.</source>
        <translation>temperature einer neuen Vervollständigung: 0 ist greedy, höher ist zufälliger.</translation>
    </message>
    <message>
        <source>Where settings, history and conversations are kept (empty: the system&apos;s data folder; applies after a restart).</source>
        <translation>Wo Einstellungen, Verlauf und Unterhaltungen gespeichert werden (leer: der Datenordner des Systems; gilt nach einem Neustart).</translation>
    </message>
</context>
<context>
    <name>core::ChatExport</name>
    <message>
        <source>Not a JSON chat export (%1); a Markdown export cannot be opened.</source>
        <translation>Kein JSON-Chatexport (%1); ein Markdown-Export kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Not a chat export: %1</source>
        <translation>Kein Chatexport: %1</translation>
    </message>
</context>
<context>
    <name>core::Check</name>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>contains the expected text</source>
        <translation>enthält den erwarteten Text</translation>
    </message>
    <message>
        <source>contains &quot;%1&quot;</source>
        <translation>enthält „%1“</translation>
    </message>
    <message>
        <source>matches /%1/</source>
        <translation>passt auf /%1/</translation>
    </message>
    <message>
        <source>valid JSON</source>
        <translation>gültiges JSON</translation>
    </message>
    <message>
        <source>valid against the JSON schema</source>
        <translation>gültig nach dem JSON-Schema</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>similarity ≥ %1</source>
        <translation>Ähnlichkeit ≥ %1</translation>
    </message>
    <message>
        <source>log-probability ≥ %1</source>
        <translation>Log-Wahrscheinlichkeit ≥ %1</translation>
    </message>
    <message>
        <source>manual grade (thumbs)</source>
        <translation>Bewertung von Hand (Daumen)</translation>
    </message>
    <message>
        <source>manual grade ≥ %1 of 5</source>
        <translation>Bewertung von Hand ≥ %1 von 5</translation>
    </message>
    <message>
        <source>the answer is the expected text</source>
        <translation>die Antwort ist der erwartete Text</translation>
    </message>
    <message>
        <source>the answer is not the expected text</source>
        <translation>die Antwort ist nicht der erwartete Text</translation>
    </message>
    <message>
        <source>does not contain &quot;%1&quot;</source>
        <translation>enthält „%1“ nicht</translation>
    </message>
    <message>
        <source>invalid pattern: %1</source>
        <translation>ungültiges Muster: %1</translation>
    </message>
    <message>
        <source>does not match /%1/</source>
        <translation>passt nicht auf /%1/</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>not valid against the schema: %1</source>
        <translation>nicht gültig nach dem Schema: %1</translation>
    </message>
    <message>
        <source>valid against the schema</source>
        <translation>gültig nach dem Schema</translation>
    </message>
    <message>
        <source>%1 characters (at most %2)</source>
        <translation>%1 Zeichen (höchstens %2)</translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>wartet auf den Server</translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation>noch nicht bewertet</translation>
    </message>
    <message>
        <source>thumbs up</source>
        <translation>Daumen hoch</translation>
    </message>
    <message>
        <source>thumbs down</source>
        <translation>Daumen runter</translation>
    </message>
    <message>
        <source>graded %1 of 5</source>
        <translation>bewertet mit %1 von 5</translation>
    </message>
    <message>
        <source>similarity %1 %2 %3</source>
        <translation>Ähnlichkeit %1 %2 %3</translation>
    </message>
    <message>
        <source>log-probability of the expected text %1 %2 %3</source>
        <translation>Log-Wahrscheinlichkeit des erwarteten Texts %1 %2 %3</translation>
    </message>
</context>
<context>
    <name>core::ConnectionProfile</name>
    <message>
        <source>Offline sandbox</source>
        <translation>Offline-Sandbox</translation>
    </message>
    <message>
        <source>Name: give the profile a name.</source>
        <translation>Name: Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Base URL: &quot;%1&quot; is not an http(s) URL, e.g. https://api.aleph-alpha.com or https://inference-api.example.com/v1.</source>
        <translation>Basis-URL: „%1“ ist keine http(s)-URL, z. B. https://api.aleph-alpha.com oder https://inference-api.example.com/v1.</translation>
    </message>
    <message>
        <source>Hosting: only &quot;aleph-alpha&quot; or none.</source>
        <translation>Hosting: nur „aleph-alpha“ oder keins.</translation>
    </message>
    <message>
        <source>Timeout: between 1 and 3600 seconds.</source>
        <translation>Zeitlimit: zwischen 1 und 3600 Sekunden.</translation>
    </message>
    <message>
        <source>Retries: between 0 and 20.</source>
        <translation>Wiederholungen: zwischen 0 und 20.</translation>
    </message>
    <message>
        <source>CA bundle: cannot read &quot;%1&quot;.</source>
        <translation>CA-Bundle: „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>CA bundle: &quot;%1&quot; holds no PEM certificate.</source>
        <translation>CA-Bundle: „%1“ enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Proxy: write it as http://host:port or socks5://host:port.</source>
        <translation>Proxy: Schreiben Sie ihn als http://host:port oder socks5://host:port.</translation>
    </message>
    <message>
        <source>%1: profiles/size is %2; only the first %3 profiles are read.</source>
        <translation>%1: profiles/size ist %2; nur die ersten %3 Profile werden gelesen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2 = %3 is not between %4 and %5; %6 is used.</source>
        <translation>Profil „%1“: %2 = %3 liegt nicht zwischen %4 und %5; %6 wird verwendet.</translation>
    </message>
</context>
<context>
    <name>core::ConversationStore</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
</context>
<context>
    <name>core::CredentialStore</name>
    <message>
        <source>The keychain is unavailable (%1).</source>
        <translation>Der Schlüsselbund ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>The keychain could not read the token (%1).</source>
        <translation>Der Schlüsselbund konnte das Token nicht lesen (%1).</translation>
    </message>
    <message>
        <source>The keychain is unavailable (%1); the token is kept for this session only.</source>
        <translation>Der Schlüsselbund ist nicht verfügbar (%1); das Token bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>The keychain could not store the token (%1); it is kept for this session only.</source>
        <translation>Der Schlüsselbund konnte das Token nicht speichern (%1); es bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>The keychain could not delete the token (%1).</source>
        <translation>Der Schlüsselbund konnte das Token nicht löschen (%1).</translation>
    </message>
</context>
<context>
    <name>core::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>line %1: text after the closing quote of a field</source>
        <translation>Zeile %1: Text nach dem schließenden Anführungszeichen eines Feldes</translation>
    </message>
    <message>
        <source>line %1: a quote inside an unquoted field (quote the whole field and double the quote)</source>
        <translation>Zeile %1: ein Anführungszeichen in einem Feld ohne Anführungszeichen (setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie das Zeichen)</translation>
    </message>
    <message>
        <source>the file holds no rows</source>
        <translation>die Datei enthält keine Zeilen</translation>
    </message>
    <message>
        <source>line %1: %2 fields, the header has %3</source>
        <translation>Zeile %1: %2 Felder, die Kopfzeile hat %3</translation>
    </message>
</context>
<context>
    <name>core::Database</name>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the history database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The history database %1 was written by a newer version (schema %2; this build knows %3). It was left untouched.</source>
        <translation>Die Verlaufsdatenbank %1 wurde von einer neueren Version geschrieben (Schema %2; diese Version kennt %3). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot migrate %1: %2</source>
        <translation>%1 kann nicht migriert werden: %2</translation>
    </message>
    <message>
        <source>Migrating %1 to schema %2 failed: %3</source>
        <translation>Die Migration von %1 auf Schema %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>core::DemoDeck</name>
    <message>
        <source>%1 is larger than a demo deck can be (64 MB)</source>
        <translation>%1 ist größer, als ein Demo-Deck sein kann (64 MB)</translation>
    </message>
</context>
<context>
    <name>core::Preferences</name>
    <message>
        <source>%1 = %2 is not true or false; %3 is used.</source>
        <translation>%1 = %2 ist weder true noch false; %3 wird verwendet.</translation>
    </message>
    <message>
        <source>%1 = %2 is not between %3 and %4; %5 is used.</source>
        <translation>%1 = %2 liegt nicht zwischen %3 und %4; %5 wird verwendet.</translation>
    </message>
    <message>
        <source>%1 = %2 is not one of %3; %4 is used.</source>
        <translation>%1 = %2 ist keiner der Werte %3; %4 wird verwendet.</translation>
    </message>
    <message>
        <source>%1 is not a preference.</source>
        <translation>%1 ist keine Einstellung.</translation>
    </message>
</context>
<context>
    <name>core::PromptLibrary</name>
    <message>
        <source>expected an object</source>
        <translation>ein Objekt erwartet</translation>
    </message>
    <message>
        <source>&quot;template&quot; must be a string</source>
        <translation>„template“ muss ein String sein</translation>
    </message>
    <message>
        <source>&quot;model&quot; must be a model&apos;s name</source>
        <translation>„model“ muss der Name eines Modells sein</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a number</source>
        <translation>„version“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>&quot;created&quot; must be an ISO 8601 date and time</source>
        <translation>„created“ muss Datum und Uhrzeit nach ISO 8601 sein</translation>
    </message>
    <message>
        <source>&quot;variables&quot; must be an object of strings</source>
        <translation>„variables“ muss ein Objekt mit Strings sein</translation>
    </message>
    <message>
        <source>variable &quot;%1&quot; must be a string</source>
        <translation>Variable „%1“ muss ein String sein</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be an object</source>
        <translation>„parameters“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must not contain &quot;%1&quot;</source>
        <translation>„parameters“ darf „%1“ nicht enthalten</translation>
    </message>
    <message>
        <source>&quot;steering_concepts&quot; must be a list of strings</source>
        <translation>„steering_concepts“ muss eine Liste von Strings sein</translation>
    </message>
    <message>
        <source>Not a JSON file (%1 at byte %2).</source>
        <translation>Keine JSON-Datei (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>Not a prompt library file: &quot;format&quot; must be &quot;%1&quot;.</source>
        <translation>Keine Datei einer Prompt-Bibliothek: „format“ muss „%1“ sein.</translation>
    </message>
    <message>
        <source>The file&apos;s format version is %1; this build reads version %2.</source>
        <translation>Die Formatversion der Datei ist %1; diese Version des Programms liest Version %2.</translation>
    </message>
    <message>
        <source>&quot;prompts&quot; must be a list.</source>
        <translation>„prompts“ muss eine Liste sein.</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a non-empty string</source>
        <translation>„name“ muss ein nicht leerer String sein</translation>
    </message>
    <message>
        <source>&quot;tags&quot; must be a list of strings</source>
        <translation>„tags“ muss eine Liste von Strings sein</translation>
    </message>
    <message>
        <source>&quot;versions&quot; must be a list of at least one version</source>
        <translation>„versions“ muss eine Liste mit mindestens einer Version sein</translation>
    </message>
    <message>
        <source>A saved prompt needs a name.</source>
        <translation>Ein gespeicherter Prompt braucht einen Namen.</translation>
    </message>
    <message>
        <source>The prompt library is not open.</source>
        <translation>Die Prompt-Bibliothek ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>There is no saved prompt %1.</source>
        <translation>Es gibt keinen gespeicherten Prompt %1.</translation>
    </message>
    <message>
        <source>A prompt named “%1” exists already.</source>
        <translation>Ein Prompt namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>There is no deleted prompt %1.</source>
        <translation>Es gibt keinen gelöschten Prompt %1.</translation>
    </message>
    <message>
        <source>The prompts could not be stored: %1</source>
        <translation>Die Prompts konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>core::SteeringLibrary</name>
    <message>
        <source>The CSV needs the columns &quot;negative&quot; and &quot;positive&quot;; its header is: %1</source>
        <translation>Die CSV-Datei braucht die Spalten „negative“ und „positive“; ihre Kopfzeile lautet: %1</translation>
    </message>
</context>
<context>
    <name>core::TestRunStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>core::TestRunner</name>
    <message>
        <source>No prompt version &quot;%1&quot;</source>
        <translation>Keine Prompt-Version „%1“</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>Template variable {{ %1 }} has no value.</source>
        <translation>Die Vorlagenvariable {{ %1 }} hat keinen Wert.</translation>
    </message>
    <message>
        <source>Bad parameters: %1</source>
        <translation>Ungültige Parameter: %1</translation>
    </message>
    <message>
        <source>the answer or the expected text is empty</source>
        <translation>die Antwort oder der erwartete Text ist leer</translation>
    </message>
    <message>
        <source>embedding failed: %1</source>
        <translation>Embedding fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the row has no expected text</source>
        <translation>die Zeile hat keinen erwarteten Text</translation>
    </message>
    <message>
        <source>evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>core::TestSet</name>
    <message>
        <source>the CSV has no columns</source>
        <translation>die CSV-Datei hat keine Spalten</translation>
    </message>
    <message>
        <source>row %1: checks: %2</source>
        <translation>Zeile %1: Prüfungen: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>core::TextFile</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history file could not be read (%1). It was kept as %2, and a new, empty history was started.</source>
        <translation>Die Verlaufsdatei konnte nicht gelesen werden (%1). Sie wurde als %2 aufbewahrt, und ein neuer, leerer Verlauf wurde begonnen.</translation>
    </message>
    <message>
        <source>History, drafts and conversations are kept for this session only.</source>
        <translation>Verlauf, Entwürfe und Unterhaltungen bleiben nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>Some connection settings were out of range and were replaced by their defaults: %1</source>
        <translation>Einige Verbindungseinstellungen lagen außerhalb des gültigen Bereichs und wurden durch ihre Standardwerte ersetzt: %1</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; is not a URL; use --host https://…</source>
        <translation>Die Serveradresse „%1“ ist keine URL; verwenden Sie --host https://…</translation>
    </message>
    <message>
        <source>No API token is configured, so requests to %1 will be refused. Start with --token TOKEN or set AA_TOKEN.</source>
        <translation>Es ist kein API-Token eingerichtet, daher werden Anfragen an %1 abgelehnt. Starten Sie mit --token TOKEN oder setzen Sie AA_TOKEN.</translation>
    </message>
    <message>
        <source>Some preferences were out of range and were replaced by their defaults: %1</source>
        <translation>Einige Einstellungen lagen außerhalb des gültigen Bereichs und wurden durch ihre Standardwerte ersetzt: %1</translation>
    </message>
</context>
<context>
    <name>ui::AboutDialog</name>
    <message>
        <source>About Aleph Playground</source>
        <translation>Über Aleph Playground</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Aleph Playground %1&lt;/h2&gt;&lt;p&gt;A native playground for the Aleph Alpha inference API.&lt;/p&gt;&lt;p&gt;Built from commit &lt;b&gt;%2&lt;/b&gt; with Qt %3 (running on Qt %4) and QtKeychain %5.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aleph Playground %1&lt;/h2&gt;&lt;p&gt;Ein nativer Playground für die Inferenz-API von Aleph Alpha.&lt;/p&gt;&lt;p&gt;Erstellt aus Commit &lt;b&gt;%2&lt;/b&gt; mit Qt %3 (läuft unter Qt %4) und QtKeychain %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Licences&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Aleph Playground&lt;/td&gt;&lt;td&gt;MIT&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt %1&lt;/td&gt;&lt;td&gt;LGPL-3.0 (The Qt Company and contributors)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain %2&lt;/td&gt;&lt;td&gt;BSD-3-Clause (Frank Osterfeld and contributors)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Eigen 3&lt;/td&gt;&lt;td&gt;MPL-2.0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;hnswlib&lt;/td&gt;&lt;td&gt;Apache-2.0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite (through Qt SQL)&lt;/td&gt;&lt;td&gt;public domain&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Data of the offline sandbox&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;WordNet 3.0&lt;/td&gt;&lt;td&gt;Princeton University, WordNet 3.0 licence (Debian package wordnet-base)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FreeDict English–German and German–English&lt;/td&gt;&lt;td&gt;Frank Richter, Einhard Leichtfuß and FreeDict contributors, GPL-3.0 or later (Debian packages dict-freedict-eng-deu and dict-freedict-deu-eng)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Sample sets (Embeddings ▸ Samples: Topics, Support tickets, Everyday topics)&lt;/td&gt;&lt;td&gt;written for this project, MIT&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;The sandbox&apos;s answers are synthetic, made on this computer by a small deterministic model; they are not Aleph Alpha&apos;s models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lizenzen&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Aleph Playground&lt;/td&gt;&lt;td&gt;MIT&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt %1&lt;/td&gt;&lt;td&gt;LGPL-3.0 (The Qt Company und Mitwirkende)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain %2&lt;/td&gt;&lt;td&gt;BSD-3-Clause (Frank Osterfeld und Mitwirkende)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Eigen 3&lt;/td&gt;&lt;td&gt;MPL-2.0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;hnswlib&lt;/td&gt;&lt;td&gt;Apache-2.0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite (über Qt SQL)&lt;/td&gt;&lt;td&gt;gemeinfrei (Public Domain)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Daten der Offline-Sandbox&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;WordNet 3.0&lt;/td&gt;&lt;td&gt;Princeton University, WordNet-3.0-Lizenz (Debian-Paket wordnet-base)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FreeDict Englisch–Deutsch und Deutsch–Englisch&lt;/td&gt;&lt;td&gt;Frank Richter, Einhard Leichtfuß und FreeDict-Mitwirkende, GPL-3.0 oder später (Debian-Pakete dict-freedict-eng-deu und dict-freedict-deu-eng)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Beispielsätze (Embeddings ▸ Beispiele: Themen, Support-Tickets, Alltagsthemen)&lt;/td&gt;&lt;td&gt;für dieses Projekt geschrieben, MIT&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Die Antworten der Sandbox sind synthetisch und werden auf diesem Computer von einem kleinen deterministischen Modell erzeugt; es sind nicht die Modelle von Aleph Alpha.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::ChatCompare</name>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>Column %1 · %2</source>
        <translation>Spalte %1 · %2</translation>
    </message>
</context>
<context>
    <name>ui::ChatCompareColumn</name>
    <message>
        <source>Each message you send goes to every column; this column&apos;s replies appear here.</source>
        <translation>Jede Nachricht, die Sie senden, geht an jede Spalte; die Antworten dieser Spalte erscheinen hier.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation>Warten auf die Antwort…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ui::ChatComposer</name>
    <message>
        <source>Message (Ctrl+Enter to send). Drop images here to attach them.</source>
        <translation>Nachricht (Strg+Eingabe zum Senden). Bilder hier ablegen, um sie anzuhängen.</translation>
    </message>
    <message>
        <source>Send  (Ctrl+Enter)</source>
        <translation>Senden  (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop  (Esc)</source>
        <translation>Stopp  (Esc)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>A new reply to the last message; the old one stays as a branch.</source>
        <translation>Eine neue Antwort auf die letzte Nachricht; die alte bleibt als Zweig erhalten.</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Bild…</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>Bilder anhängen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>Nachricht (Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile)</translation>
    </message>
    <message numerus="yes">
        <source>📎 %n image(s) attached to the next message</source>
        <translation>
            <numerusform>📎 %n Bild an die nächste Nachricht angehängt</numerusform>
            <numerusform>📎 %n Bilder an die nächste Nachricht angehängt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ChatOptionsPanel</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>max_tokens, temperature, steering, JSON schema, usage, Enter behaviour</source>
        <translation>max_tokens, temperature, Steering, JSON-Schema, Verbrauch, Verhalten der Eingabetaste</translation>
    </message>
    <message>
        <source>model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>max_tokens: the most tokens of one reply (0: the model&apos;s default).</source>
        <translation>max_tokens: höchstens so viele Token pro Antwort (0: Standard des Modells).</translation>
    </message>
    <message>
        <source>temperature 0–2: higher is more varied; the default is 1.</source>
        <translation>temperature 0–2: höher ist abwechslungsreicher; Standard ist 1.</translation>
    </message>
    <message>
        <source>steering concept id (from the Steering tab&apos;s library)</source>
        <translation>ID eines Steering-Konzepts (aus der Bibliothek des Steering-Tabs)</translation>
    </message>
    <message>
        <source>Answer as JSON matching this schema</source>
        <translation>Als JSON nach diesem Schema antworten</translation>
    </message>
    <message>
        <source>Enter sends (Shift+Enter: new line)</source>
        <translation>Eingabe sendet (Umschalt+Eingabe: neue Zeile)</translation>
    </message>
    <message>
        <source>max_tokens</source>
        <translation>max_tokens</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>temperature</translation>
    </message>
    <message>
        <source>Steering</source>
        <translation>Steering</translation>
    </message>
    <message>
        <source>Schema name</source>
        <translation>Schemaname</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <source>Token usage per turn (stream_options.include_usage)</source>
        <translation>Token-Verbrauch pro Runde (stream_options.include_usage)</translation>
    </message>
    <message>
        <source>JSON schema: not a JSON object (%1).</source>
        <translation>JSON-Schema: kein JSON-Objekt (%1).</translation>
    </message>
</context>
<context>
    <name>ui::ChatTab</name>
    <message>
        <source>System prompt (optional), e.g. You are a helpful assistant.</source>
        <translation>Systemprompt (optional), z. B. Du bist ein hilfreicher Assistent.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Eine neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Geben Sie zuerst eine Nachricht ein.</translation>
    </message>
    <message>
        <source>Send  (Ctrl+Enter)</source>
        <translation>Senden  (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>New chat. The previous one is in the list.</source>
        <translation>Neuer Chat. Der vorige steht in der Liste.</translation>
    </message>
    <message>
        <source>New chat.</source>
        <translation>Neuer Chat.</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>Diese Unterhaltung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Opened “%1”.</source>
        <translation>„%1“ geöffnet.</translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation>Warten auf die Antwort…</translation>
    </message>
    <message>
        <source>Edit cancelled.</source>
        <translation>Bearbeitung abgebrochen.</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>Finished: %1 · %2</source>
        <translation>Fertig: %1 · %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> · prompt tokens %L1 · completion tokens %L2</source>
        <translation> · Prompt-Token %L1 · Antwort-Token %L2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Stopped after %1; the partial reply is kept.</source>
        <translation>Nach %1 gestoppt; die bisherige Antwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>interrupted: %1</source>
        <translation>unterbrochen: %1</translation>
    </message>
    <message>
        <source>The reply was cut off; the partial text is kept. Retry asks again (the partial reply stays as a branch).</source>
        <translation>Die Antwort wurde abgeschnitten; der bisherige Text bleibt erhalten. Wiederholen fragt erneut (die Teilantwort bleibt als Zweig erhalten).</translation>
    </message>
    <message>
        <source>the reply is not valid JSON: %1</source>
        <translation>die Antwort ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>Copied the message.</source>
        <translation>Nachricht kopiert.</translation>
    </message>
    <message>
        <source>The model&apos;s prompt template is not known here; the explanation uses a plain transcript of the chat.</source>
        <translation>Die Prompt-Vorlage des Modells ist hier nicht bekannt; die Erklärung verwendet ein einfaches Transkript des Chats.</translation>
    </message>
    <message>
        <source>Resend  (Ctrl+Enter)</source>
        <translation>Erneut senden  (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Editing a past message: sending makes a new branch (the old one is kept). Esc cancels.</source>
        <translation>Sie bearbeiten eine frühere Nachricht: Senden erzeugt einen neuen Zweig (der alte bleibt erhalten). Esc bricht ab.</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Restored a run (%1) as a new conversation; the previous one is in the list.</source>
        <translation>Ein Lauf (%1) wurde als neue Unterhaltung wiederhergestellt; die vorige steht in der Liste.</translation>
    </message>
    <message>
        <source>Restored a run (%1).</source>
        <translation>Ein Lauf (%1) wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Chat exports (*.json);;All files (*)</source>
        <translation>Chatexporte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Comparing: each message goes to every column.</source>
        <translation>Vergleich: Jede Nachricht geht an jede Spalte.</translation>
    </message>
    <message>
        <source>Column %1 promoted: its conversation, model and options are the chat&apos;s now.</source>
        <translation>Spalte %1 übernommen: Ihr Gespräch, ihr Modell und ihre Optionen sind jetzt die des Chats.</translation>
    </message>
</context>
<context>
    <name>ui::ChatTranscriptView</name>
    <message>
        <source>No messages yet. Type below and press Ctrl+Enter.</source>
        <translation>Noch keine Nachrichten. Schreiben Sie unten und drücken Sie Strg+Eingabe.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>bearbeiten</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>kopieren</translation>
    </message>
    <message>
        <source>explain</source>
        <translation>erklären</translation>
    </message>
    <message>
        <source>%L1 → %L2 tokens</source>
        <translation>%L1 → %L2 Token</translation>
    </message>
    <message numerus="yes">
        <source>*📎 %n image(s)*</source>
        <translation>
            <numerusform>*📎 %n Bild*</numerusform>
            <numerusform>*📎 %n Bilder*</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier message(s)</source>
        <translation>
            <numerusform>%n frühere Nachricht anzeigen</numerusform>
            <numerusform>%n frühere Nachrichten anzeigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CodeDialog</name>
    <message>
        <source>View code: POST /%1</source>
        <translation>Code anzeigen: POST /%1</translation>
    </message>
    <message>
        <source>Python (aleph_alpha_client)</source>
        <translation>Python (aleph_alpha_client)</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>alephctl</source>
        <translation>alephctl</translation>
    </message>
    <message>
        <source>The token is read from the environment variable %1; set it first, e.g. &lt;code&gt;export %1=…&lt;/code&gt;</source>
        <translation>Das Token wird aus der Umgebungsvariable %1 gelesen; setzen Sie sie zuerst, z. B. &lt;code&gt;export %1=…&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Request of</source>
        <translation>Anfrage von</translation>
    </message>
</context>
<context>
    <name>ui::CompareColumn</name>
    <message>
        <source>Parameters…</source>
        <translation>Parameter…</translation>
    </message>
    <message>
        <source>This column&apos;s parameters (its copy of the tab&apos;s, steering included)</source>
        <translation>Die Parameter dieser Spalte (ihre Kopie der Parameter des Tabs, Steering eingeschlossen)</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>End the comparison and keep this column: its model, parameters and output become the tab&apos;s</source>
        <translation>Den Vergleich beenden und diese Spalte behalten: Ihr Modell, ihre Parameter und ihre Ausgabe werden die des Tabs</translation>
    </message>
    <message>
        <source>Remove this column</source>
        <translation>Diese Spalte entfernen</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Column %1: parameters</source>
        <translation>Spalte %1: Parameter</translation>
    </message>
    <message>
        <source>The others are compared with this column.</source>
        <translation>Die anderen Spalten werden mit dieser verglichen.</translation>
    </message>
    <message>
        <source>%1 unset</source>
        <translation>%1 nicht gesetzt</translation>
    </message>
    <message>
        <source>Same settings as A.</source>
        <translation>Dieselben Einstellungen wie A.</translation>
    </message>
    <message>
        <source>Unlike A: %1</source>
        <translation>Anders als A: %1</translation>
    </message>
    <message>
        <source>total %L1 s</source>
        <translation>gesamt %L1 s</translation>
    </message>
    <message>
        <source>first token –</source>
        <translation>erstes Token –</translation>
    </message>
    <message>
        <source>first token %L1 s</source>
        <translation>erstes Token %L1 s</translation>
    </message>
    <message>
        <source>tokens –</source>
        <translation>Token –</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Token</numerusform>
        </translation>
    </message>
    <message>
        <source>finish: %1</source>
        <translation>Ende: %1</translation>
    </message>
</context>
<context>
    <name>ui::CompareSession</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Compare side by side (Ctrl+Shift+M): 2 to 4 columns, each with its own model and parameters; Run sends the same input from all of them</source>
        <translation>Nebeneinander vergleichen (Strg+Umschalt+M): 2 bis 4 Spalten, jede mit eigenem Modell und eigenen Parametern; Ausführen sendet dieselbe Eingabe aus allen</translation>
    </message>
    <message>
        <source>Each column has its own model and parameters. Run (Ctrl+Enter) sends to every column.</source>
        <translation>Jede Spalte hat ihr eigenes Modell und ihre eigenen Parameter. Ausführen (Strg+Eingabe) sendet an jede Spalte.</translation>
    </message>
    <message>
        <source>no column could send its request; each says why under it.</source>
        <translation>keine Spalte konnte ihre Anfrage senden; unter jeder steht, warum.</translation>
    </message>
</context>
<context>
    <name>ui::CompareView</name>
    <message>
        <source>Another column (at most %1), a copy of the last one with one thing changed: the next model, or the temperature</source>
        <translation>Eine weitere Spalte (höchstens %1): eine Kopie der letzten mit einer Änderung, dem nächsten Modell oder der Temperatur</translation>
    </message>
    <message>
        <source>Highlight differences</source>
        <translation>Unterschiede hervorheben</translation>
    </message>
    <message>
        <source>Marks, word by word, what each column says differently from column A, and in A what another column lacks</source>
        <translation>Markiert Wort für Wort, was jede Spalte anders sagt als Spalte A, und in A, was einer anderen Spalte fehlt</translation>
    </message>
    <message numerus="yes">
        <source>Running %Ln column(s)… Esc stops them all.</source>
        <translation>
            <numerusform>%Ln Spalte läuft… Esc hält sie an.</numerusform>
            <numerusform>%Ln Spalten laufen… Esc hält alle an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done. Each column&apos;s figures are under it.</source>
        <translation>Fertig. Die Zahlen jeder Spalte stehen darunter.</translation>
    </message>
    <message>
        <source>&amp;Add column</source>
        <translation>&amp;Spalte hinzufügen</translation>
    </message>
</context>
<context>
    <name>ui::CompletionCompare</name>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>Column %1 · %2</source>
        <translation>Spalte %1 · %2</translation>
    </message>
</context>
<context>
    <name>ui::CompletionCompareColumn</name>
    <message>
        <source>Run (Ctrl+Enter) sends the prompt to every column; this column&apos;s completion streams here.</source>
        <translation>Ausführen (Strg+Eingabe) sendet den Prompt an jede Spalte; die Vervollständigung dieser Spalte erscheint hier.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ui::CompletionOutputPane</name>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Shading: the less likely the token, the stronger the orange. Hover a token for its alternatives.</source>
        <translation>Schattierung: Je unwahrscheinlicher das Token, desto kräftiger das Orange. Zeigen Sie auf ein Token, um seine Alternativen zu sehen.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>Expected completion, e.g. &quot; keeps the doctor away&quot;</source>
        <translation>Erwartete Vervollständigung, z. B. &quot; keeps the doctor away&quot;</translation>
    </message>
    <message>
        <source>/evaluate: how likely the model finds this continuation of the prompt.</source>
        <translation>/evaluate: wie wahrscheinlich das Modell diese Fortsetzung des Prompts findet.</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Opens the prompt and the first completion in the Explanation tab: which parts of the prompt drove it.</source>
        <translation>Öffnet den Prompt und die erste Vervollständigung im Erklärungs-Tab: welche Teile des Prompts sie bestimmt haben.</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Vervollständigung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ui::CompletionParameters</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>e.g. \n | ###</source>
        <translation>z. B. \n | ###</translation>
    </message>
    <message>
        <source>Stream tokens as they arrive</source>
        <translation>Token streamen, sobald sie eintreffen</translation>
    </message>
    <message>
        <source>maximum_tokens</source>
        <translation>maximum_tokens</translation>
    </message>
    <message>
        <source>minimum_tokens</source>
        <translation>minimum_tokens</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>temperature</translation>
    </message>
    <message>
        <source>top_k</source>
        <translation>top_k</translation>
    </message>
    <message>
        <source>top_p</source>
        <translation>top_p</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>best_of</source>
        <translation>best_of</translation>
    </message>
    <message>
        <source>stop_sequences</source>
        <translation>stop_sequences</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>echo (the prompt too)</source>
        <translation>echo (auch der Prompt)</translation>
    </message>
    <message>
        <source>raw_completion</source>
        <translation>raw_completion</translation>
    </message>
    <message>
        <source>disable_optimizations</source>
        <translation>disable_optimizations</translation>
    </message>
    <message>
        <source>log_probs</source>
        <translation>log_probs</translation>
    </message>
    <message>
        <source>Penalties</source>
        <translation>Strafen</translation>
    </message>
    <message>
        <source>include the prompt</source>
        <translation>Prompt einbeziehen</translation>
    </message>
    <message>
        <source>include the completion</source>
        <translation>Vervollständigung einbeziehen</translation>
    </message>
    <message>
        <source>multiplicative presence</source>
        <translation>multiplikative Präsenz</translation>
    </message>
    <message>
        <source>multiplicative frequency</source>
        <translation>multiplikative Häufigkeit</translation>
    </message>
    <message>
        <source>multiplicative sequence</source>
        <translation>multiplikative Sequenz</translation>
    </message>
    <message>
        <source>text whose tokens are penalised too</source>
        <translation>Text, dessen Token ebenfalls bestraft werden</translation>
    </message>
    <message>
        <source>e.g. , | .</source>
        <translation>z. B. , | .</translation>
    </message>
    <message>
        <source>stop sequences are exceptions</source>
        <translation>Stoppsequenzen sind Ausnahmen</translation>
    </message>
    <message>
        <source>presence</source>
        <translation>Präsenz</translation>
    </message>
    <message>
        <source>frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>sequence min length</source>
        <translation>Mindestlänge der Sequenz</translation>
    </message>
    <message>
        <source>penalty_bias</source>
        <translation>penalty_bias</translation>
    </message>
    <message>
        <source>penalty_exceptions</source>
        <translation>penalty_exceptions</translation>
    </message>
    <message>
        <source>Bias and steering</source>
        <translation>Bias und Steering</translation>
    </message>
    <message>
        <source>e.g. yes | no</source>
        <translation>z. B. yes | no</translation>
    </message>
    <message>
        <source>first token only</source>
        <translation>nur erstes Token</translation>
    </message>
    <message>
        <source>e.g. maybe</source>
        <translation>z. B. maybe</translation>
    </message>
    <message>
        <source>a steering concept id</source>
        <translation>eine Steering-Konzept-ID</translation>
    </message>
    <message>
        <source>inclusion</source>
        <translation>Einschluss</translation>
    </message>
    <message>
        <source>exclusion</source>
        <translation>Ausschluss</translation>
    </message>
    <message>
        <source>steering_concepts</source>
        <translation>steering_concepts</translation>
    </message>
    <message>
        <source>Attention control</source>
        <translation>Aufmerksamkeitssteuerung</translation>
    </message>
    <message>
        <source>control_log_additive</source>
        <translation>control_log_additive</translation>
    </message>
    <message>
        <source>contextual threshold</source>
        <translation>kontextueller Schwellenwert</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>%1 does not take images; remove them or choose a multimodal model.</source>
        <translation>%1 nimmt keine Bilder an; entfernen Sie sie oder wählen Sie ein multimodales Modell.</translation>
    </message>
    <message>
        <source>maximum_tokens: %1 allows at most %L2.</source>
        <translation>maximum_tokens: %1 erlaubt höchstens %L2.</translation>
    </message>
</context>
<context>
    <name>ui::CompletionPromptForm</name>
    <message>
        <source>Write a prompt, then press Ctrl+Enter to complete it.
{{ name }} makes a template variable; drop images here to add them.</source>
        <translation>Schreiben Sie einen Prompt und drücken Sie Strg+Eingabe, um ihn zu vervollständigen.
{{ name }} ergibt eine Vorlagenvariable; Bilder hier ablegen, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Images sent before the text. Select one and press Delete to remove it.</source>
        <translation>Bilder, die vor dem Text gesendet werden. Zum Entfernen eines auswählen und Entf drücken.</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>Bild hinzufügen…</translation>
    </message>
    <message>
        <source>Template variables</source>
        <translation>Vorlagenvariablen</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>value of {{ %1 }}</source>
        <translation>Wert von {{ %1 }}</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not take images (multimodal is false); choose another model.</source>
        <translation>%1 nimmt keine Bilder an (multimodal ist false); wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>Bilder hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Template variable {{ %1 }} has no value.</source>
        <translation>Die Vorlagenvariable {{ %1 }} hat keinen Wert.</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
</context>
<context>
    <name>ui::CompletionTab</name>
    <message>
        <source>Run  (Ctrl+Enter)</source>
        <translation>Ausführen  (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop  (Esc)</source>
        <translation>Stopp  (Esc)</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Write a prompt first (or add an image).</source>
        <translation>Schreiben Sie zuerst einen Prompt (oder fügen Sie ein Bild hinzu).</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>Stopped after %1; the partial text is kept.</source>
        <translation>Nach %1 gestoppt; der bisherige Text bleibt erhalten.</translation>
    </message>
    <message>
        <source>Interrupted: %1 The partial text is kept; Retry sends the request again.</source>
        <translation>Unterbrochen: %1 Der bisherige Text bleibt erhalten; Wiederholen sendet die Anfrage erneut.</translation>
    </message>
    <message>
        <source>Type the expected completion first.</source>
        <translation>Geben Sie zuerst die erwartete Vervollständigung ein.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Wird bewertet…</translation>
    </message>
    <message numerus="yes">
        <source>log P(expected | prompt) = %L1 (p = %2) · perplexity per token %L3 · greedy decoding gives it: %4 · %Ln token(s)</source>
        <translation>
            <numerusform>log P(erwartet | Prompt) = %L1 (p = %2) · Perplexität pro Token %L3 · Greedy-Decoding ergibt sie: %4 · %Ln Token</numerusform>
            <numerusform>log P(erwartet | Prompt) = %L1 (p = %2) · Perplexität pro Token %L3 · Greedy-Decoding ergibt sie: %4 · %Ln Token</numerusform>
        </translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Restored from the history.</source>
        <translation>Aus dem Verlauf wiederhergestellt.</translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored (%1).</source>
        <translation>Wiederhergestellt (%1).</translation>
    </message>
    <message>
        <source>Prompts (*.txt *.md *.prompt);;All files (*)</source>
        <translation>Prompts (*.txt *.md *.prompt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Column %1 promoted: its model, parameters and output are the tab&apos;s now.</source>
        <translation>Spalte %1 übernommen: Ihr Modell, ihre Parameter und ihre Ausgabe sind jetzt die des Tabs.</translation>
    </message>
    <message>
        <source>Each run that changes the prompt adds a version to the saved prompt (View ▸ Prompt library).</source>
        <translation>Jeder Lauf, der den Prompt ändert, fügt dem gespeicherten Prompt eine Version hinzu (Ansicht ▸ Prompt-Bibliothek).</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the prompt with its variables, model, parameters and steering in the prompt library (Ctrl+S)</source>
        <translation>Den Prompt mit Variablen, Modell, Parametern und Steering in der Prompt-Bibliothek speichern (Strg+S)</translation>
    </message>
    <message>
        <source>The prompt was not saved: %1</source>
        <translation>Der Prompt wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Version %1 of this prompt does not exist.</source>
        <translation>Version %1 dieses Prompts gibt es nicht.</translation>
    </message>
    <message>
        <source>Finished: %1 · prompt tokens %L2 · generated tokens %L3 · %4 (version %5)</source>
        <translation>Fertig: %1 · Prompt-Token %L2 · erzeugte Token %L3 · %4 (Version %5)</translation>
    </message>
</context>
<context>
    <name>ui::CompletionView</name>
    <message>
        <source>The completion appears here.</source>
        <translation>Die Vervollständigung erscheint hier.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; p = %L2% (log %L3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; p = %L2 % (log %L3)</translation>
    </message>
    <message>
        <source>raw_completion:</source>
        <translation>raw_completion:</translation>
    </message>
</context>
<context>
    <name>ui::ConversationListModel</name>
    <message>
        <source>%1
Last message: %2</source>
        <translation>%1
Letzte Nachricht: %2</translation>
    </message>
</context>
<context>
    <name>ui::ConversationListPanel</name>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <source>Yesterday, %1</source>
        <translation>Gestern, %1</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Chats durchsuchen</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation; this one stays in the list (Ctrl+N)</source>
        <translation>Eine neue Unterhaltung beginnen; diese bleibt in der Liste (Strg+N)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Bring the deleted conversation back (Ctrl+Z)</source>
        <translation>Die gelöschte Unterhaltung zurückholen (Strg+Z)</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n more deleted conversation(s) can come back.</source>
        <translation>
            <numerusform>%n weitere gelöschte Unterhaltung kann zurückgeholt werden.</numerusform>
            <numerusform>%n weitere gelöschte Unterhaltungen können zurückgeholt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Your conversations appear here. Each one keeps its messages, branches and system prompt.</source>
        <translation>Hier erscheinen Ihre Unterhaltungen. Jede behält ihre Nachrichten, Zweige und ihren Systemprompt.</translation>
    </message>
    <message>
        <source>No chat contains “%1”.</source>
        <translation>Kein Chat enthält „%1“.</translation>
    </message>
</context>
<context>
    <name>ui::DeckModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>  (rehearsed)</source>
        <translation>  (geprobt)</translation>
    </message>
    <message>
        <source>%1 tab; no note</source>
        <translation>Tab %1; keine Notiz</translation>
    </message>
    <message>
        <source>%1 tab. Note: %2</source>
        <translation>Tab %1. Notiz: %2</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ui::DeckPanel</name>
    <message>
        <source>Edit step</source>
        <translation>Schritt bearbeiten</translation>
    </message>
    <message>
        <source>Shown on the progress strip</source>
        <translation>Wird auf der Fortschrittsleiste gezeigt</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Deck title</source>
        <translation>Titel des Decks</translation>
    </message>
    <message>
        <source>No steps yet. Set up a tab as you want to show it, then press &lt;b&gt;Record step&lt;/b&gt; (Ctrl+Shift+B). Or open a sample deck.</source>
        <translation>Noch keine Schritte. Richten Sie einen Tab so ein, wie Sie ihn zeigen wollen, und drücken Sie &lt;b&gt;Schritt aufnehmen&lt;/b&gt; (Strg+Umschalt+B). Oder öffnen Sie ein Beispiel-Deck.</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>Schritt aufnehmen</translation>
    </message>
    <message>
        <source>Add the current tab, with what is typed in it, as a step (Ctrl+Shift+B)</source>
        <translation>Den aktuellen Tab mit seinen Eingaben als Schritt hinzufügen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Move the step up</source>
        <translation>Den Schritt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the step down</source>
        <translation>Den Schritt nach unten verschieben</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>The step&apos;s title and your note</source>
        <translation>Titel des Schritts und Ihre Notiz</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the step (Undo brings it back)</source>
        <translation>Den Schritt löschen (Rückgängig holt ihn zurück)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>Run every step now and keep its answer: during the show a step whose request fails or is too slow shows that recording</source>
        <translation>Jetzt jeden Schritt ausführen und seine Antwort behalten: Scheitert während der Vorführung eine Anfrage oder ist sie zu langsam, zeigt der Schritt diese Aufzeichnung</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Vorführen</translation>
    </message>
    <message>
        <source>Show the recording after</source>
        <translation>Aufzeichnung zeigen nach</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>A step with no answer after this long shows its rehearsed answer; a failed request shows it at once</source>
        <translation>Ein Schritt ohne Antwort nach dieser Zeit zeigt seine geprobte Antwort; eine gescheiterte Anfrage zeigt sie sofort</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Rehearsing: step %1 of %2 done…</source>
        <translation>Probe: Schritt %1 von %2 fertig…</translation>
    </message>
    <message>
        <source>Step %1 shows its recording: %2</source>
        <translation>Schritt %1 zeigt seine Aufzeichnung: %2</translation>
    </message>
    <message>
        <source>Step %1 failed and has no recording: %2</source>
        <translation>Schritt %1 ist gescheitert und hat keine Aufzeichnung: %2</translation>
    </message>
    <message numerus="yes">
        <source>Rehearsal done: %1 of %Ln step(s) have a recording.</source>
        <translation>
            <numerusform>Probe fertig: %1 von %Ln Schritt haben eine Aufzeichnung.</numerusform>
            <numerusform>Probe fertig: %1 von %Ln Schritten haben eine Aufzeichnung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Without one: %1</source>
        <translation>Ohne: %1</translation>
    </message>
    <message>
        <source>What a language model does (offline sandbox)</source>
        <translation>Was ein Sprachmodell tut (Offline-Sandbox)</translation>
    </message>
    <message>
        <source>Aleph Alpha&apos;s models (needs a token)</source>
        <translation>Die Modelle von Aleph Alpha (braucht ein Token)</translation>
    </message>
    <message>
        <source>Open a tab with a request (Completion, Chat, …) to record it as a step.</source>
        <translation>Öffnen Sie einen Tab mit einer Anfrage (Vervollständigung, Chat, …), um ihn als Schritt aufzunehmen.</translation>
    </message>
    <message>
        <source>Recorded step %1 from the %2 tab. Edit… gives it a title and a note.</source>
        <translation>Schritt %1 aus dem Tab %2 aufgenommen. Bearbeiten… gibt ihm Titel und Notiz.</translation>
    </message>
    <message>
        <source>Deleted step %1 (%2).</source>
        <translation>Schritt %1 gelöscht (%2).</translation>
    </message>
    <message>
        <source>Step %1 is back.</source>
        <translation>Schritt %1 ist zurück.</translation>
    </message>
    <message>
        <source>Demo deck</source>
        <translation>Demo-Deck</translation>
    </message>
    <message>
        <source>The deck on show has changes that are not saved. Open another one and lose them?</source>
        <translation>Das angezeigte Deck hat ungespeicherte Änderungen. Ein anderes öffnen und sie verlieren?</translation>
    </message>
    <message>
        <source>The deck was not opened: %1</source>
        <translation>Das Deck wurde nicht geöffnet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Opened “%1”: %Ln step(s), %2 rehearsed.</source>
        <translation>
            <numerusform>„%1“ geöffnet: %Ln Schritt, %2 geprobt.</numerusform>
            <numerusform>„%1“ geöffnet: %Ln Schritte, %2 geprobt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deck was not saved: %1</source>
        <translation>Das Deck wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Open demo deck</source>
        <translation>Demo-Deck öffnen</translation>
    </message>
    <message>
        <source>Demo decks (*.json);;All files (*)</source>
        <translation>Demo-Decks (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>demo deck</source>
        <translation>Demo-Deck</translation>
    </message>
    <message>
        <source>Save demo deck</source>
        <translation>Demo-Deck speichern</translation>
    </message>
    <message>
        <source>Demo decks (*.json)</source>
        <translation>Demo-Decks (*.json)</translation>
    </message>
    <message>
        <source>Record some steps first: a rehearsal runs each of them.</source>
        <translation>Nehmen Sie zuerst Schritte auf: Eine Probe führt jeden davon aus.</translation>
    </message>
    <message>
        <source>Rehearsing: step 1 of %1…</source>
        <translation>Probe: Schritt 1 von %1…</translation>
    </message>
    <message>
        <source>Stop rehearsal</source>
        <translation>Probe anhalten</translation>
    </message>
    <message>
        <source>What to say at this step: shown on a second screen, or in the window&apos;s corner with F8</source>
        <translation>Was Sie bei diesem Schritt sagen wollen: auf einem zweiten Bildschirm gezeigt oder mit F8 in der Fensterecke</translation>
    </message>
    <message>
        <source>The deck you were building is back (not saved yet).</source>
        <translation>Das Deck, an dem Sie gearbeitet haben, ist zurück (noch nicht gespeichert).</translation>
    </message>
    <message>
        <source>The deck of the last session is back.</source>
        <translation>Das Deck der letzten Sitzung ist zurück.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Open a deck file</source>
        <translation>Eine Deck-Datei öffnen</translation>
    </message>
    <message>
        <source>Presenter mode, from the first step (Page Down goes on)</source>
        <translation>Präsentationsmodus ab dem ersten Schritt (Bild ab geht weiter)</translation>
    </message>
</context>
<context>
    <name>ui::DeckPlayer</name>
    <message>
        <source>There is no %1 tab in this window.</source>
        <translation>Dieses Fenster hat keinen Tab %1.</translation>
    </message>
    <message>
        <source>The request did not succeed.</source>
        <translation>Die Anfrage war nicht erfolgreich.</translation>
    </message>
    <message>
        <source>No answer after %1 s.</source>
        <translation>Keine Antwort nach %1 s.</translation>
    </message>
    <message>
        <source>the tab did not run (see its status line)</source>
        <translation>der Tab lief nicht (siehe seine Statuszeile)</translation>
    </message>
    <message>
        <source>this tab&apos;s runs are not kept in the history</source>
        <translation>die Läufe dieses Tabs werden nicht im Verlauf gespeichert</translation>
    </message>
    <message>
        <source>Step %1 (%2): %3</source>
        <translation>Schritt %1 (%2): %3</translation>
    </message>
    <message>
        <source>this tab cannot show a recorded answer, so the step runs live</source>
        <translation>dieser Tab kann keine aufgezeichnete Antwort zeigen, daher läuft der Schritt live</translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsAnalysis</name>
    <message>
        <source>The vectors do not fit the texts (%L1 floats for %L2 texts of %L3 dimensions): a bad answer.</source>
        <translation>Die Vektoren passen nicht zu den Texten (%L1 Gleitkommazahlen für %L2 Texte mit %L3 Dimensionen): eine fehlerhafte Antwort.</translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsForm</name>
    <message>
        <source>Embed</source>
        <translation>Einbetten</translation>
    </message>
    <message>
        <source>Embed the texts (Ctrl+Enter). Vectors already in the cache are not sent again.</source>
        <translation>Die Texte einbetten (Strg+Eingabe). Vektoren, die schon im Cache sind, werden nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop embedding (Esc). What finished is kept in the cache.</source>
        <translation>Einbetten stoppen (Esc). Was fertig ist, bleibt im Cache.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Embed again: the texts that finished come from the cache, only the rest is sent.</source>
        <translation>Erneut einbetten: Die fertigen Texte kommen aus dem Cache, nur der Rest wird gesendet.</translation>
    </message>
    <message>
        <source>No texts yet.</source>
        <translation>Noch keine Texte.</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Open TXT/CSV…</source>
        <translation>TXT/CSV öffnen…</translation>
    </message>
    <message>
        <source>A TXT file (one text per line) or a CSV file (you choose the text column and a label column).</source>
        <translation>Eine TXT-Datei (ein Text pro Zeile) oder eine CSV-Datei (Sie wählen die Textspalte und eine Label-Spalte).</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Topics: cooking, space, football, finance (48)</source>
        <translation>Themen: Kochen, Weltraum, Fußball, Finanzen (48)</translation>
    </message>
    <message>
        <source>Support tickets: billing, login, shipping, bugs (32)</source>
        <translation>Support-Tickets: Abrechnung, Anmeldung, Versand, Fehler (32)</translation>
    </message>
    <message>
        <source>One text per line.
A label may come first, separated by a tab:
cooking⇥Knead the dough…

Or open a file, or try a sample set.</source>
        <translation>Ein Text pro Zeile.
Ein Label kann vorangehen, durch einen Tabulator getrennt:
cooking⇥Knead the dough…

Oder öffnen Sie eine Datei oder probieren Sie ein Beispielset.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln text(s)</source>
        <translation>
            <numerusform>%Ln Text</numerusform>
            <numerusform>%Ln Texte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln label(s)</source>
        <translation>
            <numerusform>%Ln Label</numerusform>
            <numerusform>%Ln Labels</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Aleph Alpha semantic — symmetric</source>
        <translation>Aleph Alpha semantisch — symmetrisch</translation>
    </message>
    <message>
        <source>Aleph Alpha semantic — document / query</source>
        <translation>Aleph Alpha semantisch — Dokument / Anfrage</translation>
    </message>
    <message>
        <source>Aleph Alpha /embeddings</source>
        <translation>Aleph Alpha /embeddings</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Symmetric: texts compared with texts (clusters, the map).
Document / query: texts as documents, searches as queries (asymmetric search).
/embeddings: the OpenAI-style endpoint.
Gradient: the Gradient embeddings API.</source>
        <translation>Symmetrisch: Texte werden mit Texten verglichen (Cluster, die Karte).
Dokument / Anfrage: Texte als Dokumente, Suchen als Anfragen (asymmetrische Suche).
/embeddings: der Endpunkt im OpenAI-Stil.
Gradient: die Embeddings-API von Gradient.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>none (full size)</source>
        <translation>keine (volle Größe)</translation>
    </message>
    <message>
        <source>compress_to_size: 128 dimensions instead of the model&apos;s full size (5,120 for luminous-base). Faster to send and compare, slightly less precise.</source>
        <translation>compress_to_size: 128 Dimensionen statt der vollen Größe des Modells (5.120 bei luminous-base). Schneller zu senden und zu vergleichen, etwas weniger genau.</translation>
    </message>
    <message>
        <source>model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>GRADIENT_ACCESS_TOKEN. Kept in memory only: never saved.</source>
        <translation>GRADIENT_ACCESS_TOKEN. Nur im Speicher gehalten: wird nie gespeichert.</translation>
    </message>
    <message>
        <source>optional, put before every search query</source>
        <translation>optional, wird jeder Suchanfrage vorangestellt</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>Workspace id</source>
        <translation>Workspace-ID</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Query prefix</source>
        <translation>Präfix der Suchanfrage</translation>
    </message>
    <message>
        <source> per request</source>
        <translation> pro Anfrage</translation>
    </message>
    <message>
        <source>Texts per request (at most 100 for /batch_semantic_embed).</source>
        <translation>Texte pro Anfrage (höchstens 100 für /batch_semantic_embed).</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source>Requests in flight at the same time.</source>
        <translation>Gleichzeitig laufende Anfragen.</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>The Gradient model slug, e.g. bge-large.</source>
        <translation>Der Modell-Slug bei Gradient, z. B. bge-large.</translation>
    </message>
    <message>
        <source>The model to use. The list comes from /model-settings; any name can be typed.</source>
        <translation>Das zu verwendende Modell. Die Liste kommt von /model-settings; jeder Name kann eingegeben werden.</translation>
    </message>
    <message>
        <source>%1; nothing was imported.</source>
        <translation>%1; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>%1: %2. Nothing was imported.</source>
        <translation>%1: %2. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>%1 has no column &quot;%2&quot;; its columns are: %3. Nothing was imported.</source>
        <translation>%1 hat keine Spalte „%2“; die Spalten sind: %3. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>%1 holds no texts. Nothing was imported.</source>
        <translation>%1 enthält keine Texte. Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln text(s) from %1.</source>
        <translation>
            <numerusform>%Ln Text aus %1 importiert.</numerusform>
            <numerusform>%Ln Texte aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open texts</source>
        <translation>Texte öffnen</translation>
    </message>
    <message>
        <source>Texts (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>Texte (*.txt *.csv *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>Textspalte</translation>
    </message>
    <message>
        <source>The column with the texts:</source>
        <translation>Die Spalte mit den Texten:</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>(keine Labels)</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>Label-Spalte</translation>
    </message>
    <message>
        <source>The column with labels (colours on the map):</source>
        <translation>Die Spalte mit den Labels (Farben auf der Karte):</translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation>Wählen Sie ein Modell.</translation>
    </message>
    <message>
        <source>The Gradient API URL is not valid.</source>
        <translation>Die URL der Gradient-API ist ungültig.</translation>
    </message>
    <message>
        <source>Gradient needs a workspace id and an access token.</source>
        <translation>Gradient braucht eine Workspace-ID und ein Zugriffstoken.</translation>
    </message>
    <message>
        <source>Everyday topics: medicine, gardening, music, weather, law (80)</source>
        <translation>Alltagsthemen: Medizin, Gartenarbeit, Musik, Wetter, Recht (80)</translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsSidePanel</name>
    <message>
        <source>Search by meaning…</source>
        <translation>Nach Bedeutung suchen…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Texts ranked by cosine similarity to the query; the hits are ringed and numbered on the map.</source>
        <translation>Texte nach Kosinus-Ähnlichkeit zur Suchanfrage geordnet; die Treffer sind auf der Karte eingekreist und nummeriert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neighbours&lt;/b&gt; — click a point on the map</source>
        <translation>&lt;b&gt;Nachbarn&lt;/b&gt; — Punkt auf der Karte anklicken</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selection&lt;/b&gt; — Shift+drag on the map</source>
        <translation>&lt;b&gt;Auswahl&lt;/b&gt; — Umschalt+Ziehen auf der Karte</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neighbours&lt;/b&gt; — the index is still being built</source>
        <translation>&lt;b&gt;Nachbarn&lt;/b&gt; — Index wird aufgebaut</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neighbours of #%1&lt;/b&gt;%2 — %3</source>
        <translation>&lt;b&gt;Nachbarn von #%1&lt;/b&gt;%2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Selection&lt;/b&gt; — %Ln point(s) (Esc on the map clears)</source>
        <translation>
            <numerusform>&lt;b&gt;Auswahl&lt;/b&gt; — %Ln Punkt (Esc auf der Karte hebt sie auf)</numerusform>
            <numerusform>&lt;b&gt;Auswahl&lt;/b&gt; — %Ln Punkte (Esc auf der Karte hebt sie auf)</numerusform>
        </translation>
    </message>
    <message>
        <source> (4-bit pre-selection, re-scored exactly)</source>
        <translation> (4-Bit-Vorauswahl, exakt nachbewertet)</translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsTab</name>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>There are no texts to embed: paste some (one per line), open a file or pick a sample.</source>
        <translation>Es gibt keine Texte zum Einbetten: Fügen Sie welche ein (einen pro Zeile), öffnen Sie eine Datei oder wählen Sie ein Beispiel.</translation>
    </message>
    <message numerus="yes">
        <source>Embedding %Ln text(s) with %1…</source>
        <translation>
            <numerusform>%Ln Text wird mit %1 eingebettet…</numerusform>
            <numerusform>%Ln Texte werden mit %1 eingebettet…</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2 embedded</source>
        <translation>%L1 von %L2 eingebettet</translation>
    </message>
    <message>
        <source> · %L1 from the cache</source>
        <translation> · %L1 aus dem Cache</translation>
    </message>
    <message>
        <source> · %L1 texts/s · %2 left</source>
        <translation> · %L1 Texte/s · noch %2</translation>
    </message>
    <message>
        <source> The cache could not store them: %1.</source>
        <translation> Der Cache konnte sie nicht speichern: %1.</translation>
    </message>
    <message>
        <source>%L1 vectors, %L2 from the cache</source>
        <translation>%L1 Vektoren, %L2 aus dem Cache</translation>
    </message>
    <message>
        <source>The last map is not all in the cache (%1); Embed (Ctrl+Enter) makes it again.</source>
        <translation>Die letzte Karte ist nicht vollständig im Cache (%1); Einbetten (Strg+Eingabe) erzeugt sie neu.</translation>
    </message>
    <message>
        <source>Cancelled after %L1 of %L2.</source>
        <translation>Abgebrochen nach %L1 von %L2.</translation>
    </message>
    <message>
        <source> The finished ones are in the cache: Resume sends only the rest.</source>
        <translation> Die fertigen sind im Cache: Fortsetzen sendet nur den Rest.</translation>
    </message>
    <message>
        <source>Embedding failed after %L1 of %L2: %3</source>
        <translation>Einbetten nach %L1 von %L2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source> The finished ones are kept: Resume sends only the rest.</source>
        <translation> Die fertigen bleiben erhalten: Fortsetzen sendet nur den Rest.</translation>
    </message>
    <message>
        <source>%L1 vectors of %L2 dimensions</source>
        <translation>%L1 Vektoren mit %L2 Dimensionen</translation>
    </message>
    <message>
        <source> · %L1 sent in %2 (%L3 texts/s)</source>
        <translation> · %L1 gesendet in %2 (%L3 Texte/s)</translation>
    </message>
    <message>
        <source>%L1 texts: select up to 2,000 points on the map for a matrix.</source>
        <translation>%L1 Texte: Wählen Sie bis zu 2.000 Punkte auf der Karte für eine Matrix.</translation>
    </message>
    <message>
        <source>Embed some texts first; the search compares the query with them.</source>
        <translation>Betten Sie zuerst Texte ein; die Suche vergleicht die Anfrage mit ihnen.</translation>
    </message>
    <message>
        <source>The texts came from a draft: embed them again to search.</source>
        <translation>Die Texte stammen aus einem Entwurf: Betten Sie sie erneut ein, um zu suchen.</translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Suche nach „%1“…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The query&apos;s vector has %1 dimensions, the texts&apos; %2: embed the texts again with these settings.</source>
        <translation>Der Vektor der Anfrage hat %1 Dimensionen, die der Texte %2: Betten Sie die Texte mit diesen Einstellungen erneut ein.</translation>
    </message>
    <message>
        <source>Searching for “%1”: waiting for the neighbour index…</source>
        <translation>Suche nach „%1“: Warten auf den Nachbarindex…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s) for “%1”, ringed on the map.</source>
        <translation>
            <numerusform>%Ln Treffer für „%1“, auf der Karte eingekreist.</numerusform>
            <numerusform>%Ln Treffer für „%1“, auf der Karte eingekreist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Karte exportieren</translation>
    </message>
    <message>
        <source>Export the vectors</source>
        <translation>Vektoren exportieren</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>There are no texts yet.</source>
        <translation>Es gibt noch keine Texte.</translation>
    </message>
    <message>
        <source>View code shows Aleph Alpha requests only.</source>
        <translation>„Code anzeigen“ zeigt nur Anfragen an Aleph Alpha.</translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Restored the run&apos;s first batch (%Ln text(s)). %1</source>
        <translation>
            <numerusform>Der erste Stapel des Laufs wurde wiederhergestellt (%Ln Text). %1</numerusform>
            <numerusform>Der erste Stapel des Laufs wurde wiederhergestellt (%Ln Texte). %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Texts (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>Texte (*.txt *.csv *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading the texts…</source>
        <translation>Die Texte werden gelesen…</translation>
    </message>
    <message>
        <source>Cancelled while reading the texts: nothing was sent.</source>
        <translation>Beim Lesen der Texte abgebrochen: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>Die Suche wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsViews</name>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Similarity matrix</source>
        <translation>Ähnlichkeitsmatrix</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Projektion</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <source>Shift+drag: select · click: neighbours</source>
        <translation>Umschalt+Ziehen: auswählen · Klick: Nachbarn</translation>
    </message>
    <message>
        <source>Drag: pan · wheel or +/−: zoom · 0 or double-click: fit
Shift+drag: select (Ctrl adds) · Esc: clear the selection
Click a point: its nearest neighbours · hover: its text</source>
        <translation>Ziehen: verschieben · Mausrad oder +/−: zoomen · 0 oder Doppelklick: einpassen
Umschalt+Ziehen: auswählen (Strg fügt hinzu) · Esc: Auswahl aufheben
Klick auf einen Punkt: seine nächsten Nachbarn · Zeigen: sein Text</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Vectors as CSV…</source>
        <translation>Vektoren als CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Vectors as JSON…</source>
        <translation>Vektoren als JSON…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Map as PNG…</source>
        <translation>Karte als PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Map as SVG…</source>
        <translation>Karte als SVG…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Embed some texts to see them on a map.

Try Samples ▸ Topics, then Embed (Ctrl+Enter).</source>
        <translation>Betten Sie Texte ein, um sie auf einer Karte zu sehen.

Probieren Sie Beispiele ▸ Themen, dann Einbetten (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>by label</source>
        <translation>nach Label</translation>
    </message>
    <message>
        <source>by clustering</source>
        <translation>nach Clustering</translation>
    </message>
    <message>
        <source>By label: grouped by label, similar texts together inside each group.
By clustering: the leaf order of average-linkage clustering.</source>
        <translation>Nach Label: nach Label gruppiert, ähnliche Texte innerhalb jeder Gruppe beieinander.
Nach Clustering: die Blattreihenfolge eines Average-Linkage-Clusterings.</translation>
    </message>
    <message>
        <source>Matrix of the selection</source>
        <translation>Matrix der Auswahl</translation>
    </message>
    <message>
        <source>Shift+drag on the map to select up to 2,000 points, then show their matrix.</source>
        <translation>Umschalt+Ziehen auf der Karte wählt bis zu 2.000 Punkte aus; dann zeigt dies ihre Matrix.</translation>
    </message>
    <message>
        <source>The cosine similarity of every pair of texts (up to 2,000) shows here after embedding.</source>
        <translation>Die Kosinus-Ähnlichkeit jedes Textpaares (bis zu 2.000 Texte) erscheint hier nach dem Einbetten.</translation>
    </message>
    <message>
        <source>UMAP %p%</source>
        <translation>UMAP %p %</translation>
    </message>
    <message>
        <source>UMAP needs at least 3 texts; showing PCA.</source>
        <translation>UMAP braucht mindestens 3 Texte; PCA wird gezeigt.</translation>
    </message>
    <message>
        <source>UMAP cancelled.</source>
        <translation>UMAP abgebrochen.</translation>
    </message>
    <message>
        <source>%L1 texts: select up to 2,000 points on the map for a matrix.</source>
        <translation>%L1 Texte: Wählen Sie bis zu 2.000 Punkte auf der Karte für eine Matrix.</translation>
    </message>
    <message>
        <source>%L1 points are selected; the matrix takes at most 2,000.</source>
        <translation>%L1 Punkte sind ausgewählt; die Matrix fasst höchstens 2.000.</translation>
    </message>
    <message>
        <source>Select at least 2 points on the map (Shift+drag).</source>
        <translation>Wählen Sie mindestens 2 Punkte auf der Karte aus (Umschalt+Ziehen).</translation>
    </message>
    <message>
        <source>Computing the %L1 × %L1 matrix…</source>
        <translation>%L1 × %L1-Matrix wird berechnet…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%L1 texts, %2. Hover a cell to see both texts.</source>
        <translation>%L1 Texte, %2. Zeigen Sie auf eine Zelle, um beide Texte zu sehen.</translation>
    </message>
    <message>
        <source>grouped by label</source>
        <translation>nach Label gruppiert</translation>
    </message>
    <message>
        <source>in clustering order</source>
        <translation>in Clustering-Reihenfolge</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA: the two directions of largest variance (fast, keeps global distances).
UMAP: keeps neighbourhoods, so clusters show more clearly (slower).
t-SNE: keeps neighbourhoods and separates clusters sharply; distances between clusters mean little (up to %L1 texts, slowest).</source>
        <translation>PCA: die zwei Richtungen größter Varianz (schnell, erhält globale Abstände).
UMAP: erhält Nachbarschaften, Cluster treten deutlicher hervor (langsamer).
t-SNE: erhält Nachbarschaften und trennt Cluster scharf; Abstände zwischen Clustern sagen wenig aus (bis %L1 Texte, am langsamsten).</translation>
    </message>
    <message>
        <source>t-SNE %p%</source>
        <translation>t-SNE %p %</translation>
    </message>
    <message>
        <source>t-SNE needs at least 4 texts; showing PCA.</source>
        <translation>t-SNE braucht mindestens 4 Texte; PCA wird gezeigt.</translation>
    </message>
    <message>
        <source>t-SNE lays out at most %L1 texts and this set has %L2: choose UMAP for it. Showing PCA.</source>
        <translation>t-SNE ordnet höchstens %L1 Texte an, diese Menge hat %L2: Wählen Sie dafür UMAP. PCA wird gezeigt.</translation>
    </message>
    <message>
        <source>t-SNE cancelled.</source>
        <translation>t-SNE abgebrochen.</translation>
    </message>
    <message>
        <source>PCA %p%</source>
        <translation>PCA %p%</translation>
    </message>
    <message>
        <source>PCA cancelled.</source>
        <translation>PCA abgebrochen.</translation>
    </message>
    <message>
        <source>The texts changed since this map was made: it still shows the texts embedded before. Embed (Ctrl+Enter) maps the texts in the list now.</source>
        <translation>Die Texte haben sich geändert, seit diese Karte entstand: Sie zeigt noch die zuvor eingebetteten Texte. „Einbetten“ (Strg+Eingabe) bildet die Texte ab, die jetzt in der Liste stehen.</translation>
    </message>
</context>
<context>
    <name>ui::ExplanationForm</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt items</source>
        <translation>Prompt-Elemente</translation>
    </message>
    <message>
        <source>+ Image…</source>
        <translation>+ Bild…</translation>
    </message>
    <message>
        <source>Add a PNG, JPEG or WebP image (or drop it on the prompt).</source>
        <translation>Ein PNG-, JPEG- oder WebP-Bild hinzufügen (oder auf dem Prompt ablegen).</translation>
    </message>
    <message>
        <source>+ Token ids…</source>
        <translation>+ Token-IDs…</translation>
    </message>
    <message>
        <source>Add a token_ids item: numbers separated by spaces or commas.</source>
        <translation>Ein token_ids-Element hinzufügen: Zahlen, durch Leerzeichen oder Kommas getrennt.</translation>
    </message>
    <message>
        <source>Token ids</source>
        <translation>Token-IDs</translation>
    </message>
    <message>
        <source>Token ids, separated by spaces or commas:</source>
        <translation>Token-IDs, durch Leerzeichen oder Kommas getrennt:</translation>
    </message>
    <message>
        <source>“%1” is not a token id; nothing was added.</source>
        <translation>„%1“ ist keine Token-ID; es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>The prompt, item by item, in the order it is sent. Alt+Up/Down moves the selected item, Delete removes it (the editor&apos;s text stays), double-click crops an image.</source>
        <translation>Der Prompt, Element für Element, in der Reihenfolge, in der er gesendet wird. Alt+Auf/Ab verschiebt das ausgewählte Element, Entf entfernt es (der Text im Editor bleibt), Doppelklick schneidet ein Bild zu.</translation>
    </message>
    <message>
        <source>Crop image</source>
        <translation>Bild zuschneiden</translation>
    </message>
    <message>
        <source>Square crop as x y size in pixels (empty: the whole image):</source>
        <translation>Quadratischer Ausschnitt als x y Größe in Pixeln (leer: das ganze Bild):</translation>
    </message>
    <message>
        <source>Crop: give three numbers, x y size.</source>
        <translation>Zuschnitt: Geben Sie drei Zahlen an, x y Größe.</translation>
    </message>
    <message>
        <source>The prompt text. Drop images here to add them as items.</source>
        <translation>Der Prompt-Text. Bilder hier ablegen, um sie als Elemente hinzuzufügen.</translation>
    </message>
    <message>
        <source>Target (the completion to explain)</source>
        <translation>Ziel (die zu erklärende Vervollständigung)</translation>
    </message>
    <message>
        <source>e.g. &quot; pizza with cheese&quot;. Empty: the model&apos;s own completion is explained.</source>
        <translation>z. B. &quot; pizza with cheese&quot;. Leer: Die eigene Vervollständigung des Modells wird erklärt.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>auto (about 30 parts)</source>
        <translation>automatisch (etwa 30 Teile)</translation>
    </message>
    <message>
        <source>delimiter, e.g. ### or \n</source>
        <translation>Trennzeichen, z. B. ### oder \n</translation>
    </message>
    <message>
        <source>The prompt is split on this string (\n is a line break).</source>
        <translation>Der Prompt wird an dieser Zeichenfolge geteilt (\n ist ein Zeilenumbruch).</translation>
    </message>
    <message>
        <source>prompt_granularity</source>
        <translation>prompt_granularity</translation>
    </message>
    <message>
        <source>complete (one explanation)</source>
        <translation>complete (eine Erklärung)</translation>
    </message>
    <message>
        <source>token (one per target token)</source>
        <translation>token (eine pro Ziel-Token)</translation>
    </message>
    <message>
        <source>target_granularity</source>
        <translation>target_granularity</translation>
    </message>
    <message>
        <source>postprocessing</source>
        <translation>postprocessing</translation>
    </message>
    <message>
        <source>rescale to 0..1</source>
        <translation>auf 0..1 skalieren</translation>
    </message>
    <message>
        <source>normalize</source>
        <translation>normalize</translation>
    </message>
    <message>
        <source>control_factor</source>
        <translation>control_factor</translation>
    </message>
    <message>
        <source>contextual_control_threshold</source>
        <translation>contextual_control_threshold</translation>
    </message>
    <message>
        <source>add log(factor)</source>
        <translation>log(factor) addieren</translation>
    </message>
    <message>
        <source>control_log_additive</source>
        <translation>control_log_additive</translation>
    </message>
    <message>
        <source>control_token_overlap</source>
        <translation>control_token_overlap</translation>
    </message>
    <message>
        <source>Explain  (Ctrl+Enter)</source>
        <translation>Erklären  (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop  (Esc)</source>
        <translation>Stopp  (Esc)</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>Item %1 is not an image.</source>
        <translation>Element %1 ist kein Bild.</translation>
    </message>
    <message>
        <source>The crop %1×%1 at (%2, %3) does not fit the %4×%5 image; nothing was changed.</source>
        <translation>Der Ausschnitt %1×%1 bei (%2, %3) passt nicht in das %4×%5-Bild; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>Bilder hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Write a prompt or add an image first.</source>
        <translation>Schreiben Sie zuerst einen Prompt oder fügen Sie ein Bild hinzu.</translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation>Wählen Sie ein Modell.</translation>
    </message>
    <message>
        <source>The model %1 does not take images; remove them or choose a multimodal model.</source>
        <translation>Das Modell %1 nimmt keine Bilder an; entfernen Sie sie oder wählen Sie ein multimodales Modell.</translation>
    </message>
</context>
<context>
    <name>ui::ExplanationResultsView</name>
    <message>
        <source>Explained:</source>
        <translation>Erklärt:</translation>
    </message>
    <message>
        <source>Choose a target token to see its explanation; All shows the mean over the tokens (Alt+Left/Right).</source>
        <translation>Wählen Sie ein Ziel-Token, um seine Erklärung zu sehen; Alle zeigt den Mittelwert über die Token (Alt+Links/Rechts).</translation>
    </message>
    <message>
        <source>Fix scale at ±</source>
        <translation>Skala fixieren bei ±</translation>
    </message>
    <message>
        <source>Keep one colour scale across views and explanations (to compare runs). Off: each view (All, or one target token) gets its own scale, from its largest |score|.</source>
        <translation>Eine Farbskala für alle Ansichten und Erklärungen beibehalten (um Läufe zu vergleichen). Aus: Jede Ansicht (Alle oder ein Ziel-Token) erhält eine eigene Skala nach ihrem größten |Wert|.</translation>
    </message>
    <message>
        <source>Pin for comparison</source>
        <translation>Zum Vergleich anheften</translation>
    </message>
    <message>
        <source>Keep this explanation on the left; the next one appears beside it on the same scale (prompt v1 and v2, two models, steered and unsteered).</source>
        <translation>Diese Erklärung links behalten; die nächste erscheint daneben auf derselben Skala (Prompt v1 und v2, zwei Modelle, mit und ohne Steering).</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Heatmap as PNG…</source>
        <translation>Heatmap als PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Heatmap as SVG…</source>
        <translation>Heatmap als SVG…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Scores as CSV…</source>
        <translation>Werte als CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Scores as JSON…</source>
        <translation>Werte als JSON…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>image 10</source>
        <translation>Bild 10</translation>
    </message>
    <message>
        <source>Click a header to sort (by score to find what mattered most). Tick spans for the what-if.</source>
        <translation>Klicken Sie auf eine Spaltenüberschrift, um zu sortieren (nach Wert, um das Wichtigste zu finden). Haken Sie Abschnitte für Was-wäre-wenn an.</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) marked</source>
        <translation>
            <numerusform>%n Abschnitt markiert</numerusform>
            <numerusform>%n Abschnitte markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>What-if: marked spans suppressed (&lt; 1) or amplified (&gt; 1)</source>
        <translation>Was-wäre-wenn: Abschnitte abschwächen (&lt; 1), verstärken (&gt; 1)</translation>
    </message>
    <message>
        <source>Click spans in the heatmap (or Space on the current one), or tick them in the table.</source>
        <translation>Klicken Sie Abschnitte in der Heatmap an (oder Leertaste auf dem aktuellen) oder haken Sie sie in der Tabelle an.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>The attention control factor: below 1 suppresses the marked spans, above 1 amplifies them.</source>
        <translation>Der Faktor der Aufmerksamkeitssteuerung: unter 1 schwächt die markierten Abschnitte ab, über 1 verstärkt sie.</translation>
    </message>
    <message>
        <source>maximum_tokens of the two completions</source>
        <translation>maximum_tokens der beiden Vervollständigungen</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Neu ausführen</translation>
    </message>
    <message>
        <source>Re-run /complete and /evaluate with attention controls on the marked spans, beside the same without.</source>
        <translation>/complete und /evaluate mit Aufmerksamkeitssteuerung auf den markierten Abschnitten erneut ausführen, neben denselben ohne.</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current&lt;/b&gt; · %1</source>
        <translation>&lt;b&gt;Aktuell&lt;/b&gt; · %1</translation>
    </message>
    <message>
        <source>Whole target</source>
        <translation>Ganzes Ziel</translation>
    </message>
    <message>
        <source>All (mean)</source>
        <translation>Alle (Mittelwert)</translation>
    </message>
    <message>
        <source>One explanation of the whole target (target_granularity complete).</source>
        <translation>Eine Erklärung des ganzen Ziels (target_granularity complete).</translation>
    </message>
    <message numerus="yes">
        <source>The mean of the %n token explanations, on a scale of its own (unless fixed).</source>
        <translation>
            <numerusform>Der Mittelwert der %n Token-Erklärung, auf einer eigenen Skala (falls nicht fixiert).</numerusform>
            <numerusform>Der Mittelwert der %n Token-Erklärungen, auf einer eigenen Skala (falls nicht fixiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>Explanation of target token %1: “%2”</source>
        <translation>Erklärung des Ziel-Tokens %1: „%2“</translation>
    </message>
    <message>
        <source>fixed scale ±%1</source>
        <translation>fixierte Skala ±%1</translation>
    </message>
    <message>
        <source>scale ±%1 (this view and the pinned one)</source>
        <translation>Skala ±%1 (diese und die angeheftete Ansicht)</translation>
    </message>
    <message>
        <source>scale ±%1 (this view)</source>
        <translation>Skala ±%1 (diese Ansicht)</translation>
    </message>
    <message>
        <source> · template tokens grey, not on the scale</source>
        <translation> · Vorlagen-Token grau, nicht auf der Skala</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pinned&lt;/b&gt; · %1</source>
        <translation>&lt;b&gt;Angeheftet&lt;/b&gt; · %1</translation>
    </message>
    <message>
        <source>Pinned. Change the prompt, the model or the steering and explain again to compare on one scale.</source>
        <translation>Angeheftet. Ändern Sie den Prompt, das Modell oder das Steering und erklären Sie erneut, um auf einer Skala zu vergleichen.</translation>
    </message>
    <message>
        <source>target token “%1”</source>
        <translation>Ziel-Token „%1“</translation>
    </message>
    <message>
        <source>the target “%1”</source>
        <translation>das Ziel „%1“</translation>
    </message>
    <message>
        <source>all target tokens (mean)</source>
        <translation>alle Ziel-Token (Mittelwert)</translation>
    </message>
    <message>
        <source>Explanation of %1 · %2</source>
        <translation>Erklärung von %1 · %2</translation>
    </message>
    <message>
        <source>Mark spans first: click them in the heatmap or tick them in the table.</source>
        <translation>Markieren Sie zuerst Abschnitte: Klicken Sie sie in der Heatmap an oder haken Sie sie in der Tabelle an.</translation>
    </message>
    <message numerus="yes">
        <source>Re-running with factor %1 on %n span(s)…</source>
        <translation>
            <numerusform>Erneuter Lauf mit Faktor %1 auf %n Abschnitt…</numerusform>
            <numerusform>Erneuter Lauf mit Faktor %1 auf %n Abschnitten…</numerusform>
        </translation>
    </message>
    <message>
        <source>P(this completion) = %1 (log %L2)</source>
        <translation>P(diese Vervollständigung) = %1 (log %L2)</translation>
    </message>
    <message>
        <source>P(target) = %1 (log %L2)</source>
        <translation>P(Ziel) = %1 (log %L2)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message numerus="yes">
        <source>With controls (factor %L1 on %n span(s))</source>
        <translation>
            <numerusform>Mit Steuerung (Faktor %L1 auf %n Abschnitt)</numerusform>
            <numerusform>Mit Steuerung (Faktor %L1 auf %n Abschnitten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Δ log P(target) = %1%L2 (the target became %L3× as likely)</source>
        <translation>Δ log P(Ziel) = %1%L2 (das Ziel wurde %L3-mal so wahrscheinlich)</translation>
    </message>
</context>
<context>
    <name>ui::ExplanationTab</name>
    <message>
        <source>Explaining…</source>
        <translation>Wird erklärt…</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>model version not given</source>
        <translation>Modellversion nicht angegeben</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Nach %1 gestoppt.</translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored from the history (%1).</source>
        <translation>Aus dem Verlauf wiederhergestellt (%1).</translation>
    </message>
    <message>
        <source>Restored (%1).</source>
        <translation>Wiederhergestellt (%1).</translation>
    </message>
    <message>
        <source>Explanation opens no files: type the prompt, add images with “Add images…”, or use Explain in Completion or Chat.</source>
        <translation>Die Erklärung öffnet keine Dateien: Geben Sie den Prompt ein, fügen Sie Bilder mit „+ Bild…“ hinzu oder nutzen Sie „Erklären“ in Vervollständigung oder Chat.</translation>
    </message>
    <message numerus="yes">
        <source>%n explanation(s) · %1 (%2) · %3</source>
        <translation>
            <numerusform>%n Erklärung · %1 (%2) · %3</numerusform>
            <numerusform>%n Erklärungen · %1 (%2) · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>ui::HeatmapView</name>
    <message>
        <source>Text %1</source>
        <translation>Text %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Image %1 (could not be decoded)</source>
        <translation>Bild %1 (konnte nicht dekodiert werden)</translation>
    </message>
    <message>
        <source>Image %1 · %2×%3 px</source>
        <translation>Bild %1 · %2×%3 px</translation>
    </message>
    <message>
        <source> · cropped to %1×%1 at (%2, %3), outlined</source>
        <translation> · zugeschnitten auf %1×%1 bei (%2, %3), umrandet</translation>
    </message>
    <message>
        <source>Token ids</source>
        <translation>Token-IDs</translation>
    </message>
    <message>
        <source>Target (what is explained)</source>
        <translation>Ziel (was erklärt wird)</translation>
    </message>
    <message>
        <source>Run an explanation to see which parts of the prompt drove the target.</source>
        <translation>Führen Sie eine Erklärung aus, um zu sehen, welche Teile des Prompts das Ziel bestimmt haben.</translation>
    </message>
    <message>
        <source>“%1” (characters %2–%3 of item %4)</source>
        <translation>„%1“ (Zeichen %2–%3 von Element %4)</translation>
    </message>
    <message>
        <source>target “%1”</source>
        <translation>Ziel „%1“</translation>
    </message>
    <message>
        <source>token id %1 (position %2 of item %3)</source>
        <translation>Token-ID %1 (Position %2 von Element %3)</translation>
    </message>
    <message>
        <source>image tile at %L1%, %L2% (%L3% × %L4%) of item %5</source>
        <translation>Bildkachel bei %L1 %, %L2 % (%L3 % × %L4 %) von Element %5</translation>
    </message>
    <message>
        <source>%1: template token (score %2, not on the colour scale)</source>
        <translation>%1: Vorlagen-Token (Wert %2, nicht auf der Farbskala)</translation>
    </message>
    <message>
        <source>%1: score %2</source>
        <translation>%1: Wert %2</translation>
    </message>
</context>
<context>
    <name>ui::HistoryPanel</name>
    <message>
        <source>Search prompts, replies, errors, models…</source>
        <translation>Prompts, Antworten, Fehler, Modelle durchsuchen…</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>Alle Tabs</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Vervollständigung</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Steering</source>
        <translation>Steering</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>No runs yet. Every request you send is recorded here; double-click one to restore it.</source>
        <translation>Noch keine Läufe. Jede gesendete Anfrage wird hier festgehalten; ein Doppelklick stellt sie wieder her.</translation>
    </message>
    <message>
        <source>MMM d, HH:mm:ss</source>
        <translation>d. MMM, HH:mm:ss</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>No run matches &quot;%1&quot;.</source>
        <translation>Kein Lauf passt zu „%1“.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Der Verlauf wird geladen…</translation>
    </message>
    <message>
        <source>The history is not available in this session.</source>
        <translation>Der Verlauf ist in dieser Sitzung nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>ui::LibraryVersionDialog</name>
    <message>
        <source>Add versions from the library</source>
        <translation>Versionen aus der Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Choose one or more versions of the saved prompts (Ctrl+click for several).</source>
        <translation>Wählen Sie eine oder mehrere Versionen der gespeicherten Prompts (Strg+Klick für mehrere).</translation>
    </message>
    <message>
        <source>Prompt / version</source>
        <translation>Prompt / Version</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>v%1: %2</source>
        <translation>v%1: %2</translation>
    </message>
    <message>
        <source>The prompt library is empty: save a prompt in the Completion tab first.</source>
        <translation>Die Prompt-Bibliothek ist leer: Speichern Sie zuerst einen Prompt im Completion-Tab.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Aleph Playground</source>
        <translation>Aleph Playground</translation>
    </message>
    <message>
        <source>Offline sandbox</source>
        <translation>Offline-Sandbox</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Vervollständigung</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Steering</source>
        <translation>Steering</translation>
    </message>
    <message>
        <source>steering_concepts set to %1</source>
        <translation>steering_concepts auf %1 gesetzt</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation>Diesen Hinweis ausblenden</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source> Connection </source>
        <translation> Verbindung </translation>
    </message>
    <message>
        <source>The connection profile: where requests go and with which token.</source>
        <translation>Das Verbindungsprofil: wohin Anfragen gehen und mit welchem Token.</translation>
    </message>
    <message>
        <source>Profiles…</source>
        <translation>Profile…</translation>
    </message>
    <message>
        <source>Edit connection profiles and tokens (Ctrl+Shift+P)</source>
        <translation>Verbindungsprofile und Token bearbeiten (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source> ⚠ TLS verification off </source>
        <translation> ⚠ TLS-Prüfung aus </translation>
    </message>
    <message>
        <source>This profile accepts any certificate. Turn verification back on in Profiles…</source>
        <translation>Dieses Profil akzeptiert jedes Zertifikat. Schalten Sie die Prüfung unter Profile… wieder ein.</translation>
    </message>
    <message>
        <source>View code</source>
        <translation>Code anzeigen</translation>
    </message>
    <message>
        <source>The current request as Python, curl or alephctl (Ctrl+Shift+C)</source>
        <translation>Die aktuelle Anfrage als Python, curl oder alephctl (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Show or hide the run history (Ctrl+H)</source>
        <translation>Den Verlauf der Läufe ein- oder ausblenden (Strg+H)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tokens are not saved.&lt;/b&gt; The system keychain could not be reached, so a token you enter is kept only until you quit, and you will be asked for it again next time. To keep tokens, start a keychain service (GNOME Keyring or KWallet) and restart Aleph Playground.</source>
        <translation>&lt;b&gt;Token werden nicht gespeichert.&lt;/b&gt; Der Schlüsselbund des Systems war nicht erreichbar, daher bleibt ein eingegebenes Token nur bis zum Beenden erhalten, und Sie werden beim nächsten Mal erneut danach gefragt. Um Token zu behalten, starten Sie einen Schlüsselbunddienst (GNOME Keyring oder KWallet) und starten Sie Aleph Playground neu.</translation>
    </message>
    <message>
        <source>What the keychain said: %1</source>
        <translation>Meldung des Schlüsselbunds: %1</translation>
    </message>
    <message>
        <source>Command line: %1</source>
        <translation>Befehlszeile: %1</translation>
    </message>
    <message>
        <source>The offline sandbox could not start: %1</source>
        <translation>Die Offline-Sandbox konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Enter the token in &lt;a href=&apos;profiles&apos;&gt;Profiles…&lt;/a&gt;; it is kept for this session only.</source>
        <translation>Geben Sie das Token unter &lt;a href=&apos;profiles&apos;&gt;Profile…&lt;/a&gt; ein; es bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no token, so the server will refuse requests. &lt;a href=&apos;profiles&apos;&gt;Add a token…&lt;/a&gt;</source>
        <translation>Das Profil „%1“ hat kein Token, daher lehnt der Server Anfragen ab. &lt;a href=&apos;profiles&apos;&gt;Token hinzufügen…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>This tab has no request to show as code yet.</source>
        <translation>Dieser Tab hat noch keine Anfrage, die als Code gezeigt werden kann.</translation>
    </message>
    <message>
        <source>Cannot show the code: %1</source>
        <translation>Der Code kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Restored the run of %1.</source>
        <translation>Der Lauf von %1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>No model of this connection supports /explain.</source>
        <translation>Kein Modell dieser Verbindung unterstützt /explain.</translation>
    </message>
    <message>
        <source>No model of this connection supports /complete.</source>
        <translation>Kein Modell dieser Verbindung unterstützt /complete.</translation>
    </message>
    <message>
        <source>No model of this connection supports chat.</source>
        <translation>Kein Modell dieser Verbindung unterstützt Chat.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n Modell verfügbar</numerusform>
            <numerusform>%n Modelle verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list models (%1); type a model name.</source>
        <translation>Modelle konnten nicht abgerufen werden (%1); geben Sie einen Modellnamen ein.</translation>
    </message>
    <message>
        <source>Text size %1 %</source>
        <translation>Textgröße %1 %</translation>
    </message>
    <message>
        <source>The history was cleared.</source>
        <translation>Der Verlauf wurde geleert.</translation>
    </message>
    <message>
        <source>Prompt library</source>
        <translation>Prompt-Bibliothek</translation>
    </message>
    <message>
        <source>Prompt &amp;library</source>
        <translation>Prompt-&amp;Bibliothek</translation>
    </message>
    <message>
        <source>Show or hide the saved prompts and their versions (Ctrl+Shift+L)</source>
        <translation>Die gespeicherten Prompts und ihre Versionen zeigen oder verbergen (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>&amp;Save prompt…</source>
        <translation>Prompt &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the Completion tab&apos;s prompt in the prompt library (Ctrl+S)</source>
        <translation>Den Prompt des Completion-Tabs in der Prompt-Bibliothek speichern (Strg+S)</translation>
    </message>
    <message>
        <source>The prompt was not opened: %1</source>
        <translation>Der Prompt wurde nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>Offline sandbox: the answers are synthetic, made on this computer by a small deterministic model. &lt;a href=&apos;connect&apos;&gt;Connect to Aleph Alpha…&lt;/a&gt;</source>
        <translation>Offline-Sandbox: Die Antworten sind synthetisch, erzeugt auf diesem Computer von einem kleinen deterministischen Modell. &lt;a href=&apos;connect&apos;&gt;Mit Aleph Alpha verbinden…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>This address is the app&apos;s offline sandbox, which listens on this port only while the app runs. For one that stays, run &lt;code&gt;aleph-sandbox --port 8080&lt;/code&gt; and use &lt;code&gt;http://127.0.0.1:8080/v1&lt;/code&gt; with the token &lt;code&gt;sandbox&lt;/code&gt;.</source>
        <translation>Diese Adresse ist die Offline-Sandbox der App, die nur auf diesem Port lauscht, solange die App läuft. Für eine, die bleibt, starten Sie &lt;code&gt;aleph-sandbox --port 8080&lt;/code&gt; und verwenden &lt;code&gt;http://127.0.0.1:8080/v1&lt;/code&gt; mit dem Token &lt;code&gt;sandbox&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Demo deck</source>
        <translation>Demo-Deck</translation>
    </message>
    <message>
        <source>&amp;Demo deck</source>
        <translation>&amp;Demo-Deck</translation>
    </message>
    <message>
        <source>Show or hide the demo deck (Ctrl+Shift+D)</source>
        <translation>Das Demo-Deck zeigen oder verbergen (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>Record &amp;deck step</source>
        <translation>&amp;Deck-Schritt aufnehmen</translation>
    </message>
    <message>
        <source>Add the current tab, as it is, to the demo deck (Ctrl+Shift+B)</source>
        <translation>Den aktuellen Tab, so wie er ist, dem Demo-Deck hinzufügen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>offline sandbox: synthetic answers, not a real model</source>
        <translation>Offline-Sandbox: synthetische Antworten, kein echtes Modell</translation>
    </message>
</context>
<context>
    <name>ui::MapView</name>
    <message>
        <source>Embedding map</source>
        <translation>Embedding-Karte</translation>
    </message>
    <message numerus="yes">
        <source>… %n more labels</source>
        <translation>
            <numerusform>… %n weiteres Label</numerusform>
            <numerusform>… %n weitere Labels</numerusform>
        </translation>
    </message>
    <message>
        <source>no label (%1)</source>
        <translation>kein Label (%1)</translation>
    </message>
</context>
<context>
    <name>ui::MatrixView</name>
    <message>
        <source>Similarity matrix</source>
        <translation>Ähnlichkeitsmatrix</translation>
    </message>
    <message>
        <source>cosine similarity %L1
%2
%3</source>
        <translation>Kosinus-Ähnlichkeit %L1
%2
%3</translation>
    </message>
    <message>
        <source>cosine
similarity</source>
        <translation>Kosinus-
Ähnlichkeit</translation>
    </message>
</context>
<context>
    <name>ui::ModelPicker</name>
    <message>
        <source>The model to use. The list comes from /model-settings; any name can be typed.</source>
        <translation>Das zu verwendende Modell. Die Liste kommt von /model-settings; jeder Name kann eingegeben werden.</translation>
    </message>
</context>
<context>
    <name>ui::PairTableModel</name>
    <message>
        <source>negative (steer away)</source>
        <translation>negativ (wegsteuern)</translation>
    </message>
    <message>
        <source>positive (steer toward)</source>
        <translation>positiv (hinsteuern)</translation>
    </message>
</context>
<context>
    <name>ui::PlaygroundTab</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>This tab has nothing to open from a file.</source>
        <translation>Dieser Tab kann nichts aus einer Datei öffnen.</translation>
    </message>
</context>
<context>
    <name>ui::PreferencesDialog</name>
    <message numerus="yes">
        <source>%n run(s) recorded</source>
        <translation>
            <numerusform>%n Lauf aufgezeichnet</numerusform>
            <numerusform>%n Läufe aufgezeichnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Vervollständigung</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Steering</source>
        <translation>Steering</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language applies after a restart.</source>
        <translation>Die Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>View ▸ Zoom in/out (Ctrl+= / Ctrl+-) changes it too.</source>
        <translation>Ansicht ▸ Vergrößern/Verkleinern (Strg+= / Strg+-) ändert sie ebenfalls.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Textgröße</translation>
    </message>
    <message>
        <source>New tabs</source>
        <translation>Neue Tabs</translation>
    </message>
    <message>
        <source>Enter sends a chat message (Shift+Enter: a new line)</source>
        <translation>Eingabe sendet eine Chatnachricht (Umschalt+Eingabe: neue Zeile)</translation>
    </message>
    <message>
        <source>the first model listed</source>
        <translation>das erste aufgeführte Modell</translation>
    </message>
    <message>
        <source>The model each tab starts with:</source>
        <translation>Das Modell, mit dem jeder Tab beginnt:</translation>
    </message>
    <message>
        <source>New completion</source>
        <translation>Neue Vervollständigung</translation>
    </message>
    <message>
        <source>The models and parameters apply to tabs that start empty.</source>
        <translation>Die Modelle und Parameter gelten für Tabs, die leer beginnen.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Settings, history and conversations are kept there. A new folder applies after a restart; nothing is moved.</source>
        <translation>Dort werden Einstellungen, Verlauf und Unterhaltungen gespeichert. Ein neuer Ordner gilt nach einem Neustart; es wird nichts verschoben.</translation>
    </message>
    <message>
        <source>Clear history…</source>
        <translation>Verlauf leeren…</translation>
    </message>
    <message>
        <source>Delete every recorded run (conversations and drafts stay)</source>
        <translation>Alle aufgezeichneten Läufe löschen (Unterhaltungen und Entwürfe bleiben)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n recorded run(s)? This cannot be undone. Conversations and drafts are kept.</source>
        <translation>
            <numerusform>%n aufgezeichneten Lauf löschen? Das kann nicht rückgängig gemacht werden. Unterhaltungen und Entwürfe bleiben erhalten.</numerusform>
            <numerusform>Alle %n aufgezeichneten Läufe löschen? Das kann nicht rückgängig gemacht werden. Unterhaltungen und Entwürfe bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete all runs</source>
        <translation>Alle Läufe löschen</translation>
    </message>
</context>
<context>
    <name>ui::PresenterBar</name>
    <message>
        <source>Pace: as it arrives</source>
        <translation>Tempo: wie es ankommt</translation>
    </message>
    <message>
        <source>Pace: fast</source>
        <translation>Tempo: schnell</translation>
    </message>
    <message>
        <source>Pace: reading</source>
        <translation>Tempo: Lesetempo</translation>
    </message>
    <message>
        <source>Pace: slow</source>
        <translation>Tempo: langsam</translation>
    </message>
    <message>
        <source>How fast streamed answers appear while presenting: at the speed the audience reads, or as they arrive</source>
        <translation>Wie schnell gestreamte Antworten beim Präsentieren erscheinen: im Lesetempo des Publikums oder so, wie sie ankommen</translation>
    </message>
    <message>
        <source>▶  Run</source>
        <translation>▶  Ausführen</translation>
    </message>
    <message>
        <source>Run the tab&apos;s request (Ctrl+Enter)</source>
        <translation>Die Anfrage des Tabs ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the running request (Esc)</source>
        <translation>Die laufende Anfrage anhalten (Esc)</translation>
    </message>
    <message>
        <source>Leave presenter mode</source>
        <translation>Präsentationsmodus verlassen</translation>
    </message>
    <message>
        <source>Back to the normal window (Esc, F5)</source>
        <translation>Zurück zum normalen Fenster (Esc, F5)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>The step before, run again (Page Up, ←)</source>
        <translation>Der Schritt davor, erneut ausgeführt (Bild auf, ←)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>The next step: show it and run it (Page Down, →)</source>
        <translation>Der nächste Schritt: zeigen und ausführen (Bild ab, →)</translation>
    </message>
    <message>
        <source>no model needed</source>
        <translation>kein Modell nötig</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Modell: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>Modell: &lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>Demo deck</source>
        <translation>Demo-Deck</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln step(s) · Page Down starts</source>
        <translation>
            <numerusform>%1 · %Ln Schritt · Bild ab startet</numerusform>
            <numerusform>%1 · %Ln Schritte · Bild ab startet</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>Schritt %1 von %2 · %3</translation>
    </message>
    <message>
        <source>an earlier run</source>
        <translation>einem früheren Lauf</translation>
    </message>
    <message>
        <source>● RECORDING from the rehearsal of %1</source>
        <translation>● AUFZEICHNUNG aus der Probe vom %1</translation>
    </message>
    <message>
        <source>● RECORDING from the rehearsal of %1 — the live request did not answer: %2</source>
        <translation>● AUFZEICHNUNG aus der Probe vom %1 – die Live-Anfrage hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3 · the last step</source>
        <translation>Schritt %1 von %2 · %3 · der letzte Schritt</translation>
    </message>
</context>
<context>
    <name>ui::PresenterMode</name>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen, large type, parameters hidden, one Run button (F5)</source>
        <translation>Vollbild, große Schrift, Parameter ausgeblendet, ein Ausführen-Knopf (F5)</translation>
    </message>
    <message>
        <source>Leave presenter mode</source>
        <translation>Präsentationsmodus verlassen</translation>
    </message>
    <message>
        <source>Pointer &amp;highlight</source>
        <translation>Zeiger &amp;hervorheben</translation>
    </message>
    <message>
        <source>A ring around the mouse pointer, for the audience (F6)</source>
        <translation>Ein Ring um den Mauszeiger, für das Publikum (F6)</translation>
    </message>
    <message>
        <source>&amp;Spotlight</source>
        <translation>&amp;Spotlight</translation>
    </message>
    <message>
        <source>Dim everything but the panel under the pointer (F7)</source>
        <translation>Alles außer dem Bereich unter dem Zeiger abdunkeln (F7)</translation>
    </message>
    <message>
        <source>Presenter &amp;note in the corner</source>
        <translation>Präsentations&amp;notiz in der Ecke</translation>
    </message>
    <message>
        <source>The step&apos;s note in the window&apos;s corner; with a second screen it shows there (F8)</source>
        <translation>Die Notiz des Schritts in der Fensterecke; mit einem zweiten Bildschirm erscheint sie dort (F8)</translation>
    </message>
</context>
<context>
    <name>ui::PresenterNote</name>
    <message>
        <source>&lt;i&gt;No note for this step.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Notiz zu diesem Schritt.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Note · %1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Notiz · %1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Presenter note</source>
        <translation>Präsentationsnotiz</translation>
    </message>
    <message>
        <source>&lt;b&gt;Note · %1&lt;/b&gt;&lt;br&gt;&lt;i&gt;No note for this step.&lt;/i&gt;</source>
        <translation>&lt;b&gt;Notiz · %1&lt;/b&gt;&lt;br&gt;&lt;i&gt;Keine Notiz zu diesem Schritt.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>ui::ProfilesDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>The API&apos;s address. A self-hosted PhariaAI deployment puts the paths under /v1, e.g. https://inference-api.example.com/v1.</source>
        <translation>Die Adresse der API. Eine selbst betriebene PhariaAI-Installation legt die Pfade unter /v1, z. B. https://inference-api.example.com/v1.</translation>
    </message>
    <message>
        <source>Any datacenter</source>
        <translation>Beliebiges Rechenzentrum</translation>
    </message>
    <message>
        <source>Aleph Alpha&apos;s own (aleph-alpha)</source>
        <translation>Aleph Alphas eigene (aleph-alpha)</translation>
    </message>
    <message>
        <source>hosting: &quot;aleph-alpha&quot; processes requests only in Aleph Alpha&apos;s datacenters.</source>
        <translation>hosting: „aleph-alpha“ verarbeitet Anfragen nur in den Rechenzentren von Aleph Alpha.</translation>
    </message>
    <message>
        <source>Nice (lower priority; deprioritised when the server is busy)</source>
        <translation>Nice (niedrigere Priorität; wird bei ausgelastetem Server zurückgestellt)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request with no data for this long is ended (the server itself stops at 300 s).</source>
        <translation>Eine Anfrage, für die so lange keine Daten kommen, wird beendet (der Server selbst bricht nach 300 s ab).</translation>
    </message>
    <message>
        <source>Total retries of busy (503), rate-limited (429) and transient network failures.</source>
        <translation>Wiederholungen insgesamt bei Überlastung (503), Ratenbegrenzung (429) und vorübergehenden Netzwerkfehlern.</translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation>TLS-Zertifikate prüfen</translation>
    </message>
    <message>
        <source>⚠ TLS verification is off: anyone on the network path can read the token.</source>
        <translation>⚠ Die TLS-Prüfung ist aus: Jeder auf dem Netzwerkweg kann das Token lesen.</translation>
    </message>
    <message>
        <source>none (system certificates)</source>
        <translation>keins (Zertifikate des Systems)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CA bundle (PEM)</source>
        <translation>CA-Bundle (PEM)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>System and environment</source>
        <translation>System und Umgebung</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>This proxy:</source>
        <translation>Dieser Proxy:</translation>
    </message>
    <message>
        <source>API token (kept in the system keychain)</source>
        <translation>API-Token (im Schlüsselbund des Systems gespeichert)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Hosting</source>
        <translation>Hosting</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Use this profile</source>
        <translation>Dieses Profil verwenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>(a free port on this computer)</source>
        <translation>(ein freier Port auf diesem Computer)</translation>
    </message>
    <message>
        <source>The offline sandbox runs on this computer and needs no token. Its answers are synthetic.</source>
        <translation>Die Offline-Sandbox läuft auf diesem Computer und braucht kein Token. Ihre Antworten sind synthetisch.</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>Token wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>A token entered here is kept for this session only.</source>
        <translation>Ein hier eingegebenes Token bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>No token stored for this profile.</source>
        <translation>Für dieses Profil ist kein Token gespeichert.</translation>
    </message>
    <message>
        <source>Stored in the %1.</source>
        <translation>Gespeichert im %1.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Enter the token; it is stored in the keychain when you save.</source>
        <translation>Geben Sie das Token ein; es wird beim Speichern im Schlüsselbund abgelegt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connected. The token belongs to %1.</source>
        <translation>Verbunden. Das Token gehört %1.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected. %n model(s) available.</source>
        <translation>
            <numerusform>Verbunden. %n Modell verfügbar.</numerusform>
            <numerusform>Verbunden. %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Aleph Alpha</source>
        <translation>Aleph Alpha</translation>
    </message>
    <message>
        <source>Paste your Aleph Alpha API token (made in your account&apos;s settings at app.aleph-alpha.com), then Save and Use this profile. It is stored in the keychain.</source>
        <translation>Fügen Sie Ihr API-Token von Aleph Alpha ein (erstellt in den Einstellungen Ihres Kontos auf app.aleph-alpha.com), dann „Speichern“ und „Dieses Profil verwenden“. Es wird im Schlüsselbund gespeichert.</translation>
    </message>
</context>
<context>
    <name>ui::PromptEdit</name>
    <message>
        <source>Show tokens</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>Show how the model splits this text (or the selection) into tokens</source>
        <translation>Zeigen, wie das Modell diesen Text (oder die Auswahl) in Token zerlegt</translation>
    </message>
</context>
<context>
    <name>ui::PromptItemListModel</name>
    <message>
        <source>Text (the editor below, empty)</source>
        <translation>Text (der Editor unten, leer)</translation>
    </message>
    <message>
        <source>Text: “%1”</source>
        <translation>Text: „%1“</translation>
    </message>
    <message>
        <source>Image · %1×%2</source>
        <translation>Bild · %1×%2</translation>
    </message>
    <message>
        <source>Image %1 · %2×%3</source>
        <translation>Bild %1 · %2×%3</translation>
    </message>
    <message>
        <source> · crop %1×%1 at (%2, %3)</source>
        <translation> · Ausschnitt %1×%1 bei (%2, %3)</translation>
    </message>
    <message>
        <source>Token ids: %1</source>
        <translation>Token-IDs: %1</translation>
    </message>
    <message>
        <source>Text (fixed): “%1”</source>
        <translation>Text (fest): „%1“</translation>
    </message>
</context>
<context>
    <name>ui::PromptKeeper</name>
    <message>
        <source>There is no prompt library (the history database is not open).</source>
        <translation>Es gibt keine Prompt-Bibliothek (die Verlaufsdatenbank ist nicht geöffnet).</translation>
    </message>
    <message>
        <source>Saved prompt “%1” · version %2</source>
        <translation>Gespeicherter Prompt „%1“ · Version %2</translation>
    </message>
</context>
<context>
    <name>ui::PromptLibraryPanel</name>
    <message>
        <source>Search names, tags and templates</source>
        <translation>Namen, Schlagwörter und Vorlagen durchsuchen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Load the selected version into the Completion tab (Enter)</source>
        <translation>Die gewählte Version in den Completion-Tab laden (Eingabe)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Copy the prompt with all its versions</source>
        <translation>Den Prompt mit allen Versionen kopieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the prompt and its versions; Undo brings it back (Del)</source>
        <translation>Den Prompt und seine Versionen löschen; Rückgängig holt ihn zurück (Entf)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the prompts of a JSON file; nothing is overwritten</source>
        <translation>Die Prompts einer JSON-Datei hinzufügen; nichts wird überschrieben</translation>
    </message>
    <message>
        <source>Import prompts</source>
        <translation>Prompts importieren</translation>
    </message>
    <message>
        <source>Prompt library (*.json);;All files (*)</source>
        <translation>Prompt-Bibliothek (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write every saved prompt with its versions to a JSON file</source>
        <translation>Alle gespeicherten Prompts mit ihren Versionen in eine JSON-Datei schreiben</translation>
    </message>
    <message>
        <source>Export prompts</source>
        <translation>Prompts exportieren</translation>
    </message>
    <message>
        <source>Prompt library (*.json)</source>
        <translation>Prompt-Bibliothek (*.json)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Bring the deleted prompt back (Ctrl+Z)</source>
        <translation>Den gelöschten Prompt zurückholen (Strg+Z)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two (Ctrl+click) to compare them</source>
        <translation>Eine Version wählen, um zu sehen, was sie geändert hat, oder zwei (Strg+Klick), um sie zu vergleichen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Versions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Versionen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>first version</source>
        <translation>erste Version</translation>
    </message>
    <message>
        <source>No saved prompts yet — %1 saves the current prompt of the Completion tab.</source>
        <translation>Noch keine gespeicherten Prompts – %1 speichert den aktuellen Prompt des Completion-Tabs.</translation>
    </message>
    <message>
        <source>No saved prompt contains “%1”.</source>
        <translation>Kein gespeicherter Prompt enthält „%1“.</translation>
    </message>
    <message>
        <source>The prompt could not be duplicated: %1</source>
        <translation>Der Prompt konnte nicht dupliziert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted “%1” with %n version(s).</source>
        <translation>
            <numerusform>„%1“ mit %n Version gelöscht.</numerusform>
            <numerusform>„%1“ mit %n Versionen gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more deleted prompt(s) can come back.</source>
        <translation>
            <numerusform>%n weiterer gelöschter Prompt kann zurückkommen.</numerusform>
            <numerusform>%n weitere gelöschte Prompts können zurückkommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 was not imported, nothing changed: %2</source>
        <translation>%1 wurde nicht importiert, nichts wurde geändert: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n version(s) added (new prompts: %2, merged: %3).</source>
        <translation>
            <numerusform>%1 importiert: %n Version hinzugefügt (neue Prompts: %2, zusammengeführt: %3).</numerusform>
            <numerusform>%1 importiert: %n Versionen hinzugefügt (neue Prompts: %2, zusammengeführt: %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>%n Prompt nach %1 exportiert.</numerusform>
            <numerusform>%n Prompts nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::PromptListModel</name>
    <message numerus="yes">
        <source>%1
Tags: %2
%n version(s), the newest from %3</source>
        <translation>
            <numerusform>%1
Schlagwörter: %2
%n Version, die neueste vom %3</numerusform>
            <numerusform>%1
Schlagwörter: %2
%n Versionen, die neueste vom %3</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>ui::PromptVersionDiff</name>
    <message>
        <source>&lt;b&gt;Version %1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;Version %1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Select a version to see what it changed, or two versions to compare them.</source>
        <translation>Eine Version wählen, um zu sehen, was sie geändert hat, oder zwei Versionen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Version %1 is the first: nothing to compare with.</source>
        <translation>Version %1 ist die erste: Es gibt nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>Version %1 → %2: the same content.</source>
        <translation>Version %1 → %2: derselbe Inhalt.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 → %2: %3 · %n other change(s).</source>
        <translation>
            <numerusform>Version %1 → %2: %3 · %n weitere Änderung.</numerusform>
            <numerusform>Version %1 → %2: %3 · %n weitere Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>template: words removed %1, added %2</source>
        <translation>Vorlage: Wörter entfernt %1, hinzugefügt %2</translation>
    </message>
    <message>
        <source>template unchanged</source>
        <translation>Vorlage unverändert</translation>
    </message>
</context>
<context>
    <name>ui::RunController</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Batch %1: %2</source>
        <translation>Stapel %1: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 s</translation>
    </message>
</context>
<context>
    <name>ui::SampleConcepts</name>
    <message>
        <source>Enthusiastic</source>
        <translation>Begeistert</translation>
    </message>
    <message>
        <source>neutral → enthusiastic: exclamation marks and stronger words</source>
        <translation>neutral → begeistert: Ausrufezeichen und stärkere Wörter</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Förmlich</translation>
    </message>
    <message>
        <source>casual → formal: longer, more formal words</source>
        <translation>locker → förmlich: längere, förmlichere Wörter</translation>
    </message>
    <message>
        <source>German words</source>
        <translation>Deutsche Wörter</translation>
    </message>
    <message>
        <source>English → German: common words in German</source>
        <translation>Englisch → Deutsch: häufige Wörter auf Deutsch</translation>
    </message>
</context>
<context>
    <name>ui::SavePromptDialog</name>
    <message>
        <source>Save prompt</source>
        <translation>Prompt speichern</translation>
    </message>
    <message>
        <source>e.g. Product description</source>
        <translation>z. B. Produktbeschreibung</translation>
    </message>
    <message>
        <source>comma-separated, e.g. marketing, german</source>
        <translation>durch Kommas getrennt, z. B. Marketing, Deutsch</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>“%1” exists: the prompt is added to it as a new version (if it changed).</source>
        <translation>„%1“ gibt es schon: Der Prompt kommt dort als neue Version hinzu (wenn er sich geändert hat).</translation>
    </message>
    <message>
        <source>The template, its variables, the model, the parameters and the steering are saved. Each run that changes them adds a version.</source>
        <translation>Gespeichert werden die Vorlage, ihre Variablen, das Modell, die Parameter und das Steering. Jeder Lauf, der etwas davon ändert, fügt eine Version hinzu.</translation>
    </message>
</context>
<context>
    <name>ui::ScaleLegend</name>
    <message>
        <source>Colour scale</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>From %L1 (blue, against the target) through 0 (white) to %L2 (red, for the target)</source>
        <translation>Von %L1 (blau, gegen das Ziel) über 0 (weiß) bis %L2 (rot, für das Ziel)</translation>
    </message>
</context>
<context>
    <name>ui::SegmentTableModel</name>
    <message>
        <source>line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>ui::ShellMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Connection &amp;profiles…</source>
        <translation>Verbindungs&amp;profile…</translation>
    </message>
    <message>
        <source>Profiles…</source>
        <translation>Profile…</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>&amp;Erklären</translation>
    </message>
    <message>
        <source>Explain the last answer in the Explanation tab</source>
        <translation>Die letzte Antwort im Erklärungs-Tab erklären</translation>
    </message>
    <message>
        <source>Show &amp;tokens</source>
        <translation>&amp;Token anzeigen</translation>
    </message>
    <message>
        <source>Show how the model splits the prompt (or the selection) into tokens</source>
        <translation>Zeigen, wie das Modell den Prompt (oder die Auswahl) in Token zerlegt</translation>
    </message>
    <message>
        <source>Choose &amp;model</source>
        <translation>&amp;Modell wählen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Aleph Playground</source>
        <translation>&amp;Über Aleph Playground</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Alle&amp;s auswählen</translation>
    </message>
    <message>
        <source>&amp;Compare side by side</source>
        <translation>&amp;Nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>Turn the tab&apos;s compare columns on or off (Completion and Chat)</source>
        <translation>Die Vergleichsspalten des Tabs ein- oder ausschalten (Completion und Chat)</translation>
    </message>
    <message>
        <source>Test s&amp;ets…</source>
        <translation>T&amp;estsätze …</translation>
    </message>
    <message>
        <source>Run a table of inputs against prompt versions and models, with checks</source>
        <translation>Eine Tabelle von Eingaben mit Prompt-Versionen und Modellen ausführen, mit Prüfungen</translation>
    </message>
    <message>
        <source>&amp;Go to tab</source>
        <translation>Zu &amp;Tab wechseln</translation>
    </message>
</context>
<context>
    <name>ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search actions and keys (e.g. “run” or “Ctrl+K”)</source>
        <translation>Aktionen und Tasten suchen (z. B. „ausführen“ oder „Strg+K“)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Chat input</source>
        <translation>Chat-Eingabefeld</translation>
    </message>
    <message>
        <source>Send (when Enter sends is on)</source>
        <translation>Senden (wenn „Eingabe sendet“ an ist)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>New line (when Enter sends is on)</source>
        <translation>Neue Zeile (wenn „Eingabe sendet“ an ist)</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Eingabe</translation>
    </message>
    <message>
        <source>Chat list</source>
        <translation>Chatliste</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Delete the conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Completion images</source>
        <translation>Bilder der Vervollständigung</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Previous / next target token</source>
        <translation>Vorheriges / nächstes Ziel-Token</translation>
    </message>
    <message>
        <source>Explanation items</source>
        <translation>Elemente der Erklärung</translation>
    </message>
    <message>
        <source>Move the item up / down</source>
        <translation>Element nach oben / unten verschieben</translation>
    </message>
    <message>
        <source>Remove the item</source>
        <translation>Element entfernen</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Swap the languages</source>
        <translation>Sprachen tauschen</translation>
    </message>
    <message>
        <source>Steering pairs</source>
        <translation>Steering-Paare</translation>
    </message>
    <message>
        <source>Add a pair</source>
        <translation>Paar hinzufügen</translation>
    </message>
    <message>
        <source>Create the concept</source>
        <translation>Konzept erstellen</translation>
    </message>
    <message>
        <source>Move the pair up / down</source>
        <translation>Paar nach oben / unten verschieben</translation>
    </message>
    <message>
        <source>Remove the pairs</source>
        <translation>Paare entfernen</translation>
    </message>
    <message>
        <source>Steering library</source>
        <translation>Steering-Bibliothek</translation>
    </message>
    <message>
        <source>Delete the concept</source>
        <translation>Konzept löschen</translation>
    </message>
    <message>
        <source>Prompt editors</source>
        <translation>Prompt-Editoren</translation>
    </message>
    <message>
        <source>Show tokens of the selection</source>
        <translation>Token der Auswahl anzeigen</translation>
    </message>
    <message>
        <source>Prompt library</source>
        <translation>Prompt-Bibliothek</translation>
    </message>
    <message>
        <source>Open the selected version</source>
        <translation>Die gewählte Version öffnen</translation>
    </message>
    <message>
        <source>Delete the prompt</source>
        <translation>Den Prompt löschen</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Next / previous tab</source>
        <translation>Nächster / vorheriger Tab</translation>
    </message>
    <message>
        <source>Text fields</source>
        <translation>Textfelder</translation>
    </message>
    <message>
        <source>Move to the next / previous field</source>
        <translation>Zum nächsten / vorherigen Feld</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
</context>
<context>
    <name>ui::SpanTableModel</name>
    <message>
        <source>template token (from the prompt template; not on the colour scale)</source>
        <translation>Vorlagen-Token (aus der Prompt-Vorlage; nicht auf der Farbskala)</translation>
    </message>
    <message>
        <source>Include in the what-if re-run</source>
        <translation>In die Was-wäre-wenn-Wiederholung aufnehmen</translation>
    </message>
    <message>
        <source>text %1</source>
        <translation>Text %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>tile %L1%, %L2% · %L3%×%L4%</source>
        <translation>Kachel %L1 %, %L2 % · %L3 %×%L4 %</translation>
    </message>
    <message>
        <source>What-if: the marked spans, suppressed or amplified in the re-run</source>
        <translation>Was-wäre-wenn: die markierten Abschnitte, in der Wiederholung abgeschwächt oder verstärkt</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>ui::SteeringABForm</name>
    <message>
        <source>Completion (/complete)</source>
        <translation>Vervollständigung (/complete)</translation>
    </message>
    <message>
        <source>Chat (/chat/completions)</source>
        <translation>Chat (/chat/completions)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>maximum_tokens</source>
        <translation>maximum_tokens</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>temperature</translation>
    </message>
    <message>
        <source>The same for A and B. At 0 both are greedy, so any difference comes from the concept.</source>
        <translation>Gleich für A und B. Bei 0 sind beide greedy, also kommt jeder Unterschied vom Konzept.</translation>
    </message>
    <message>
        <source>Run A/B</source>
        <translation>A/B ausführen</translation>
    </message>
    <message>
        <source>Stream both (Ctrl+Enter in the prompt)</source>
        <translation>Beide streamen (Strg+Eingabe im Prompt)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>A prompt to run twice, e.g. &quot;Write one sentence about the weekend:&quot;</source>
        <translation>Ein Prompt, der zweimal ausgeführt wird, z. B. &quot;Write one sentence about the weekend:&quot;</translation>
    </message>
</context>
<context>
    <name>ui::SteeringABView</name>
    <message>
        <source>&lt;b&gt;A · without a concept&lt;/b&gt;</source>
        <translation>&lt;b&gt;A · ohne Konzept&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Unsteered output streams here.</source>
        <translation>Die Ausgabe ohne Steering erscheint hier.</translation>
    </message>
    <message>
        <source>Create or open a concept, then Run A/B.</source>
        <translation>Erstellen oder öffnen Sie ein Konzept, dann A/B ausführen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;B · with the concept&lt;/b&gt; (none yet)</source>
        <translation>&lt;b&gt;B · mit dem Konzept&lt;/b&gt; (noch keins)</translation>
    </message>
    <message>
        <source>&lt;b&gt;B · with&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;B · mit&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Highlighted: the words B has and A lacks (%1), and in A those B lacks (%2)</source>
        <translation>Hervorgehoben: die Wörter, die B hat und A fehlen (%1), und in A die, die B fehlen (%2)</translation>
    </message>
    <message>
        <source>the text below was made with %1: Run A/B to see this concept</source>
        <translation>der Text unten entstand mit %1: „A/B ausführen“ zeigt dieses Konzept</translation>
    </message>
</context>
<context>
    <name>ui::SteeringIndicator</name>
    <message>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Send without the steering concept (clears steering_concepts)</source>
        <translation>Ohne das Steering-Konzept senden (leert steering_concepts)</translation>
    </message>
    <message>
        <source>Steering concept %1 is not known to this server, so requests with it fail.</source>
        <translation>Das Steering-Konzept %1 ist diesem Server nicht bekannt, daher schlagen Anfragen damit fehl.</translation>
    </message>
    <message>
        <source>Clear it</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Steering: %1</source>
        <translation>Steering: %1</translation>
    </message>
</context>
<context>
    <name>ui::SteeringLibraryModel</name>
    <message>
        <source>Made on %1; its id works there only. Re-create it here to use it on %2.</source>
        <translation>Erstellt auf %1; seine ID gilt nur dort. Erstellen Sie es hier neu, um es auf %2 zu verwenden.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
</context>
<context>
    <name>ui::SteeringLibraryPanel</name>
    <message>
        <source>Library (kept on this computer)</source>
        <translation>Bibliothek (auf diesem Computer gespeichert)</translation>
    </message>
    <message>
        <source>No concepts yet. Write example pairs on the right and press Create concept: every concept you create is kept here, with the server it was made on.</source>
        <translation>Noch keine Konzepte. Schreiben Sie rechts Beispielpaare und klicken Sie auf Konzept erstellen: Jedes erstellte Konzept wird hier aufbewahrt, zusammen mit dem Server, auf dem es entstand.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Put the concept&apos;s pairs and id into the editor (Enter)</source>
        <translation>Die Paare und die ID des Konzepts in den Editor übernehmen (Eingabe)</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename (F2 edits the name in place)</source>
        <translation>Umbenennen (F2 bearbeitet den Namen direkt)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>A copy to change and create again</source>
        <translation>Eine Kopie zum Ändern und erneuten Erstellen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete from the library (Undo brings it back)</source>
        <translation>Aus der Bibliothek löschen (Rückgängig holt es zurück)</translation>
    </message>
    <message>
        <source>Re-create here</source>
        <translation>Hier neu erstellen</translation>
    </message>
    <message>
        <source>Send the pairs to the connection in use: concept ids only work on the server that made them</source>
        <translation>Die Paare an die aktive Verbindung senden: Konzept-IDs gelten nur auf dem Server, der sie erstellt hat</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Put back the concept deleted last</source>
        <translation>Das zuletzt gelöschte Konzept zurückholen</translation>
    </message>
    <message>
        <source>Use in Completion</source>
        <translation>Zur Vervollständigung</translation>
    </message>
    <message>
        <source>Put the id into the Completion tab&apos;s steering_concepts</source>
        <translation>Die ID in steering_concepts des Vervollständigungs-Tabs übernehmen</translation>
    </message>
    <message>
        <source>Use in Chat</source>
        <translation>Zum Chat</translation>
    </message>
    <message>
        <source>Put the id into the Chat tab&apos;s steering concept</source>
        <translation>Die ID als Steering-Konzept des Chat-Tabs übernehmen</translation>
    </message>
    <message>
        <source>Rename concept</source>
        <translation>Konzept umbenennen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>A concept needs a name.</source>
        <translation>Ein Konzept braucht einen Namen.</translation>
    </message>
    <message>
        <source>Renamed to &quot;%1&quot;.</source>
        <translation>Umbenannt in „%1“.</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot; (Undo delete or Ctrl+Z brings it back).</source>
        <translation>„%1“ gelöscht (Zurückholen oder Strg+Z bringt es zurück).</translation>
    </message>
    <message>
        <source>Restored &quot;%1&quot;.</source>
        <translation>„%1“ wiederhergestellt.</translation>
    </message>
    <message>
        <source>Duplicated &quot;%1&quot;.</source>
        <translation>„%1“ dupliziert.</translation>
    </message>
</context>
<context>
    <name>ui::SteeringPairsEditor</name>
    <message>
        <source>Examples: output is steered away from the negative and toward the positive</source>
        <translation>Beispiele: Die Ausgabe wird vom Negativen weg- und zum Positiven hingesteuert</translation>
    </message>
    <message>
        <source>a name for the library, e.g. &quot;Confident&quot;</source>
        <translation>ein Name für die Bibliothek, z. B. „Selbstsicher“</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>what the concept does (optional)</source>
        <translation>was das Konzept bewirkt (optional)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a pair (Ctrl+N)</source>
        <translation>Ein Paar hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected pairs (Delete)</source>
        <translation>Die ausgewählten Paare entfernen (Entf)</translation>
    </message>
    <message>
        <source>↑</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>Move the pair up (Alt+Up)</source>
        <translation>Das Paar nach oben verschieben (Alt+Auf)</translation>
    </message>
    <message>
        <source>↓</source>
        <translation>↓</translation>
    </message>
    <message>
        <source>Move the pair down (Alt+Down)</source>
        <translation>Das Paar nach unten verschieben (Alt+Ab)</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Pairs from a CSV with the columns negative and positive</source>
        <translation>Paare aus einer CSV-Datei mit den Spalten negative und positive</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>The pairs as CSV (negative,positive)</source>
        <translation>Die Paare als CSV (negative,positive)</translation>
    </message>
    <message>
        <source>Create concept</source>
        <translation>Konzept erstellen</translation>
    </message>
    <message>
        <source>POST /steering_concepts with these pairs (Ctrl+Enter)</source>
        <translation>POST /steering_concepts mit diesen Paaren (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>created or loaded concept id; &quot;_worker/&lt;name&gt;&quot; works too</source>
        <translation>ID des erstellten oder geladenen Konzepts; &quot;_worker/&lt;name&gt;&quot; geht auch</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the id</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <source>Import pairs</source>
        <translation>Paare importieren</translation>
    </message>
    <message>
        <source>CSV (*.csv *.tsv *.txt)</source>
        <translation>CSV (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Export pairs</source>
        <translation>Paare exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln pair(s) to %1.</source>
        <translation>
            <numerusform>%Ln Paar nach %1 exportiert.</numerusform>
            <numerusform>%Ln Paare nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>pair %1 is empty</source>
        <translation>Paar %1 ist leer</translation>
    </message>
    <message>
        <source>pair %1 has no %2 example</source>
        <translation>Paar %1 hat kein %2 Beispiel</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negatives</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positives</translation>
    </message>
    <message>
        <source>pair %1 has the same text on both sides</source>
        <translation>Paar %1 hat auf beiden Seiten denselben Text</translation>
    </message>
    <message>
        <source>pair %1 repeats pair %2</source>
        <translation>Paar %1 wiederholt Paar %2</translation>
    </message>
    <message>
        <source>Add at least one pair: a negative example and its positive rewrite.</source>
        <translation>Fügen Sie mindestens ein Paar hinzu: ein negatives Beispiel und seine positive Umformulierung.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s), ready to send.</source>
        <translation>
            <numerusform>%Ln Paar, bereit zum Senden.</numerusform>
            <numerusform>%Ln Paare, bereit zum Senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix before sending: %1.</source>
        <translation>Vor dem Senden beheben: %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2. Nothing was imported.</source>
        <translation>%1: %2. Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln pair(s) from %1.</source>
        <translation>
            <numerusform>%Ln Paar aus %1 importiert.</numerusform>
            <numerusform>%Ln Paare aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Fill the editor with a sample concept to try</source>
        <translation>Den Editor mit einem Beispielkonzept zum Ausprobieren füllen</translation>
    </message>
    <message>
        <source>Sample concept &quot;%1&quot;: %2 pairs. Create concept, then Run A/B.</source>
        <translation>Beispielkonzept „%1“: %2 Paare. Konzept erstellen, dann A/B ausführen.</translation>
    </message>
</context>
<context>
    <name>ui::SteeringTab</name>
    <message>
        <source>A/B: the same prompt without and with the concept</source>
        <translation>A/B: derselbe Prompt ohne und mit dem Konzept</translation>
    </message>
    <message>
        <source>Add at least one pair.</source>
        <translation>Fügen Sie mindestens ein Paar hinzu.</translation>
    </message>
    <message>
        <source>Concept %1</source>
        <translation>Konzept %1</translation>
    </message>
    <message>
        <source>Creating the concept on %1…</source>
        <translation>Konzept wird auf %1 erstellt…</translation>
    </message>
    <message>
        <source>The concept was not created: %1</source>
        <translation>Das Konzept wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>%1 concept &quot;%2&quot; on %3 in %4 ms: %5; %6.</source>
        <translation>%1: Konzept „%2“ auf %3 in %4 ms: %5; %6.</translation>
    </message>
    <message>
        <source>Re-created</source>
        <translation>Neu erstellt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>not kept: the library is off (no database)</source>
        <translation>nicht aufbewahrt: Die Bibliothek ist aus (keine Datenbank)</translation>
    </message>
    <message>
        <source>updated in the library</source>
        <translation>in der Bibliothek aktualisiert</translation>
    </message>
    <message>
        <source>saved in the library</source>
        <translation>in der Bibliothek gespeichert</translation>
    </message>
    <message>
        <source>Opened &quot;%1&quot;.</source>
        <translation>„%1“ geöffnet.</translation>
    </message>
    <message>
        <source>Opened &quot;%1&quot;. It was made on %2; use Re-create here before using its id on %3.</source>
        <translation>„%1“ geöffnet. Es wurde auf %2 erstellt; verwenden Sie „Hier neu erstellen“, bevor Sie seine ID auf %3 nutzen.</translation>
    </message>
    <message>
        <source>type a prompt for A/B.</source>
        <translation>Geben Sie einen Prompt für A/B ein.</translation>
    </message>
    <message>
        <source>create a concept or open one from the library first.</source>
        <translation>Erstellen Sie ein Konzept oder öffnen Sie zuerst eines aus der Bibliothek.</translation>
    </message>
    <message>
        <source>choose a model.</source>
        <translation>Wählen Sie ein Modell.</translation>
    </message>
    <message>
        <source>Streaming both…</source>
        <translation>Beide werden gestreamt…</translation>
    </message>
    <message>
        <source>⚠ %1 failed: %2</source>
        <translation>⚠ %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>failed after %Ln character(s)</source>
        <translation>
            <numerusform>fehlgeschlagen nach %Ln Zeichen</numerusform>
            <numerusform>fehlgeschlagen nach %Ln Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stopped after %Ln character(s)</source>
        <translation>
            <numerusform>gestoppt nach %Ln Zeichen</numerusform>
            <numerusform>gestoppt nach %Ln Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored the pairs of a %1 run (%2).</source>
        <translation>Die Paare eines Laufs (%1) wurden wiederhergestellt (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv *.tsv *.txt)</source>
        <translation>CSV (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Done. A: %1 · B: %2 · highlighted: the words that differ</source>
        <translation>Fertig. A: %1 · B: %2 · hervorgehoben: die Wörter, die sich unterscheiden</translation>
    </message>
</context>
<context>
    <name>ui::TestCellDetail</name>
    <message>
        <source>Click a cell of the grid to see its answer.</source>
        <translation>Klicken Sie eine Zelle des Rasters an, um ihre Antwort zu sehen.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>Thumbs up: the answer is good</source>
        <translation>Daumen hoch: die Antwort ist gut</translation>
    </message>
    <message>
        <source>Thumbs down: the answer is bad</source>
        <translation>Daumen runter: die Antwort ist schlecht</translation>
    </message>
    <message>
        <source>1–5</source>
        <translation>1–5</translation>
    </message>
    <message>
        <source>A grade from 1 (bad) to 5 (excellent)</source>
        <translation>Eine Bewertung von 1 (schlecht) bis 5 (ausgezeichnet)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Open the Explanation tab on this prompt and answer</source>
        <translation>Den Tab „Erklärung“ mit diesem Prompt und dieser Antwort öffnen</translation>
    </message>
    <message>
        <source>No cell chosen</source>
        <translation>Keine Zelle gewählt</translation>
    </message>
    <message>
        <source>Row %1 · version %2 · %3</source>
        <translation>Zeile %1 · Version %2 · %3</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens · %3 ms</source>
        <translation>%1 Prompt- + %2 Completion-Tokens · %3 ms</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Nicht fertig</translation>
    </message>
    <message numerus="yes">
        <source>· %n retry(s)</source>
        <translation>
            <numerusform>· %n Wiederholung</numerusform>
            <numerusform>· %n Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Good</source>
        <translation>✓ Gut</translation>
    </message>
    <message>
        <source>✗ Bad</source>
        <translation>✗ Schlecht</translation>
    </message>
</context>
<context>
    <name>ui::TestResultsModel</name>
    <message>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1 tok · %2 ms</source>
        <translation>%1 Tok. · %2 ms</translation>
    </message>
    <message numerus="yes">
        <source>· %n retry(s)</source>
        <translation>
            <numerusform>· %n Wiederholung</numerusform>
            <numerusform>· %n Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Newly failing</source>
        <translation>Neu fehlgeschlagen</translation>
    </message>
    <message>
        <source>Newly passing</source>
        <translation>Neu bestanden</translation>
    </message>
    <message>
        <source>expected: %1</source>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <source>%1% passed (%2 of %3)</source>
        <translation>%1 % bestanden (%2 von %3)</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>noch nicht gelaufen</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>ui::TestRunPanel</name>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>each version&apos;s own model</source>
        <translation>das Modell jeder Version</translation>
    </message>
    <message>
        <source>The models to run every version on, separated by commas</source>
        <translation>Die Modelle, auf denen jede Version läuft, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>Gleichzeitig:</translation>
    </message>
    <message>
        <source>How many cells are sent at once</source>
        <translation>Wie viele Zellen gleichzeitig gesendet werden</translation>
    </message>
    <message>
        <source>Embeddings:</source>
        <translation>Embeddings:</translation>
    </message>
    <message>
        <source>The model whose semantic embeddings decide similarity checks</source>
        <translation>Das Modell, dessen semantische Embeddings die Ähnlichkeitsprüfungen entscheiden</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run every row on every version and model (Ctrl+Enter); Esc cancels</source>
        <translation>Jede Zeile mit jeder Version und jedem Modell ausführen (Strg+Eingabe); Esc bricht ab</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop; finished cells are kept</source>
        <translation>Anhalten; fertige Zellen bleiben erhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run the cells that are not finished</source>
        <translation>Die noch nicht fertigen Zellen ausführen</translation>
    </message>
    <message>
        <source>%v of %m cells</source>
        <translation>%v von %m Zellen</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Save the grid as CSV or JSON</source>
        <translation>Das Raster als CSV oder JSON speichern</translation>
    </message>
    <message>
        <source>Add a prompt version first (the Completion prompt, or a pasted template).</source>
        <translation>Fügen Sie zuerst eine Prompt-Version hinzu (den Completion-Prompt oder eine eingefügte Vorlage).</translation>
    </message>
    <message>
        <source>The test set has no rows.</source>
        <translation>Der Testsatz hat keine Zeilen.</translation>
    </message>
    <message>
        <source>Version %1 names no model; type the models to run.</source>
        <translation>Version %1 nennt kein Modell; geben Sie die Modelle ein.</translation>
    </message>
    <message>
        <source>Row %1, column %2: retry %3 of %4 in %5 s (%6)</source>
        <translation>Zeile %1, Spalte %2: Wiederholung %3 von %4 in %5 s (%6)</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt …</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 cells finished.</source>
        <translation>Abgebrochen: %1 von %2 Zellen fertig.</translation>
    </message>
    <message>
        <source>Finished: %1 of %2 cells passed.</source>
        <translation>Fertig: %1 von %2 Zellen bestanden.</translation>
    </message>
    <message numerus="yes">
        <source>%n retry(s).</source>
        <translation>
            <numerusform>%n Wiederholung.</numerusform>
            <numerusform>%n Wiederholungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no comparison)</source>
        <translation>(kein Vergleich)</translation>
    </message>
    <message>
        <source>%1 (%2% passed)</source>
        <translation>%1 (%2 % bestanden)</translation>
    </message>
    <message>
        <source>%1 newly failing, %2 newly passing</source>
        <translation>%1 neu fehlgeschlagen, %2 neu bestanden</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Results saved to %1</source>
        <translation>Ergebnisse gespeichert in %1</translation>
    </message>
</context>
<context>
    <name>ui::TestSetEditor</name>
    <message>
        <source>Exact</source>
        <translation>Exakt</translation>
    </message>
    <message>
        <source>Contains…</source>
        <translation>Enthält …</translation>
    </message>
    <message>
        <source>Regular expression…</source>
        <translation>Regulärer Ausdruck …</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>Gültiges JSON</translation>
    </message>
    <message>
        <source>Valid against a JSON schema…</source>
        <translation>Gültig nach einem JSON-Schema …</translation>
    </message>
    <message>
        <source>Maximum length…</source>
        <translation>Höchstlänge …</translation>
    </message>
    <message>
        <source>Semantic similarity ≥ …</source>
        <translation>Semantische Ähnlichkeit ≥ …</translation>
    </message>
    <message>
        <source>Log-probability of the expected text ≥ …</source>
        <translation>Log-Wahrscheinlichkeit des erwarteten Texts ≥ …</translation>
    </message>
    <message>
        <source>Manual grade (1–5)</source>
        <translation>Bewertung von Hand (1–5)</translation>
    </message>
    <message>
        <source>Import CSV/JSONL…</source>
        <translation>CSV/JSONL importieren …</translation>
    </message>
    <message>
        <source>Add the rows of a CSV or JSON Lines file: a column per variable and &quot;expected&quot;</source>
        <translation>Die Zeilen einer CSV- oder JSON-Lines-Datei hinzufügen: eine Spalte je Variable und „expected“</translation>
    </message>
    <message>
        <source>Add row from Completion</source>
        <translation>Zeile aus Completion hinzufügen</translation>
    </message>
    <message>
        <source>Add the Completion tab&apos;s current variable values as a row</source>
        <translation>Die aktuellen Variablenwerte des Tabs „Completion“ als Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Add empty row</source>
        <translation>Leere Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Add a row to fill in</source>
        <translation>Eine Zeile zum Ausfüllen hinzufügen</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>Zeilen entfernen</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>Die gewählten Zeilen entfernen</translation>
    </message>
    <message>
        <source>Prompt versions</source>
        <translation>Prompt-Versionen</translation>
    </message>
    <message>
        <source>Add Completion prompt</source>
        <translation>Completion-Prompt hinzufügen</translation>
    </message>
    <message>
        <source>The Completion tab&apos;s prompt, model and parameters as a version</source>
        <translation>Prompt, Modell und Parameter des Tabs „Completion“ als Version</translation>
    </message>
    <message>
        <source>Add version…</source>
        <translation>Version hinzufügen …</translation>
    </message>
    <message>
        <source>Paste a template; the Completion tab&apos;s model and parameters are used</source>
        <translation>Eine Vorlage einfügen; Modell und Parameter des Tabs „Completion“ werden verwendet</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Checks for every row</source>
        <translation>Prüfungen für jede Zeile</translation>
    </message>
    <message>
        <source>Add check</source>
        <translation>Prüfung hinzufügen</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Import rows</source>
        <translation>Zeilen importieren</translation>
    </message>
    <message>
        <source>CSV or JSON Lines (*.csv *.tsv *.jsonl *.ndjson);;All files (*)</source>
        <translation>CSV oder JSON Lines (*.csv *.tsv *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1; nothing was imported.</source>
        <translation>%1; nichts wurde importiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported.</source>
        <translation>
            <numerusform>%n Zeile importiert.</numerusform>
            <numerusform>%n Zeilen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The Completion prompt has no {{ variables }}.</source>
        <translation>Der Completion-Prompt hat keine {{ Variablen }}.</translation>
    </message>
    <message>
        <source>Row %1 added from the Completion tab.</source>
        <translation>Zeile %1 aus dem Tab „Completion“ hinzugefügt.</translation>
    </message>
    <message>
        <source>The Completion prompt is empty.</source>
        <translation>Der Completion-Prompt ist leer.</translation>
    </message>
    <message>
        <source>Add version</source>
        <translation>Version hinzufügen</translation>
    </message>
    <message>
        <source>Template (use {{ name }} for a column&apos;s value):</source>
        <translation>Vorlage ({{ name }} steht für den Wert einer Spalte):</translation>
    </message>
    <message>
        <source>Contains</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Text the answer must contain (empty: the expected text):</source>
        <translation>Text, den die Antwort enthalten muss (leer: der erwartete Text):</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Pattern the answer must match:</source>
        <translation>Muster, auf das die Antwort passen muss:</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <source>Schema the answer must be valid against:</source>
        <translation>Schema, nach dem die Antwort gültig sein muss:</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Höchstlänge</translation>
    </message>
    <message>
        <source>Most characters an answer may have:</source>
        <translation>Höchstens so viele Zeichen darf eine Antwort haben:</translation>
    </message>
    <message>
        <source>Semantic similarity</source>
        <translation>Semantische Ähnlichkeit</translation>
    </message>
    <message>
        <source>Lowest cosine similarity to the expected text (−1 to 1):</source>
        <translation>Niedrigste Kosinus-Ähnlichkeit zum erwarteten Text (−1 bis 1):</translation>
    </message>
    <message>
        <source>Log-probability</source>
        <translation>Log-Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Lowest natural-log probability of the expected text (≤ 0):</source>
        <translation>Niedrigste Wahrscheinlichkeit des erwarteten Texts als natürlicher Logarithmus (≤ 0):</translation>
    </message>
    <message>
        <source>The check was not added: %1</source>
        <translation>Die Prüfung wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Bring back what was last removed or replaced (Ctrl+Z)</source>
        <translation>Das zuletzt Entfernte oder Ersetzte zurückholen (Strg+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) removed; Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>%n Zeile entfernt; Rückgängig (Strg+Z) holt sie zurück.</numerusform>
            <numerusform>%n Zeilen entfernt; Rückgängig (Strg+Z) holt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Add from library…</source>
        <translation>Aus der Bibliothek hinzufügen…</translation>
    </message>
    <message>
        <source>Versions of the prompts saved in the prompt library, with their model and parameters</source>
        <translation>Versionen der in der Prompt-Bibliothek gespeicherten Prompts, mit ihrem Modell und ihren Parametern</translation>
    </message>
    <message>
        <source>No prompt library: the app&apos;s database could not be opened</source>
        <translation>Keine Prompt-Bibliothek: Die Datenbank der App konnte nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) added from the library.</source>
        <translation>
            <numerusform>%n Version aus der Bibliothek hinzugefügt.</numerusform>
            <numerusform>%n Versionen aus der Bibliothek hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>A test set is a table of inputs: one column per {{ variable }} of the prompt, the expected answer, and checks. Start with Import CSV/JSONL… or Add row from Completion, add prompt versions and checks on the right, then Run on the Results tab.</source>
        <translation>Ein Testsatz ist eine Tabelle von Eingaben: eine Spalte je {{ Variable }} des Prompts, die erwartete Antwort und Prüfungen. Beginnen Sie mit „CSV/JSONL importieren …“ oder „Zeile aus Completion hinzufügen“, fügen Sie rechts Prompt-Versionen und Prüfungen hinzu und klicken Sie dann auf der Registerkarte „Ergebnisse“ auf „Ausführen“.</translation>
    </message>
</context>
<context>
    <name>ui::TestSetModel</name>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Row checks</source>
        <translation>Prüfungen der Zeile</translation>
    </message>
</context>
<context>
    <name>ui::TestSetWindow</name>
    <message>
        <source>Test sets</source>
        <translation>Testsätze</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>test set</source>
        <translation>Testsatz</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <source>Open a saved test set, or a CSV or JSONL file as a new one</source>
        <translation>Einen gespeicherten Testsatz öffnen, oder eine CSV- oder JSONL-Datei als neuen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Testsatz</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>%1; nothing was opened.</source>
        <translation>%1; nichts wurde geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s).</source>
        <translation>
            <numerusform>%1: %n Zeile.</numerusform>
            <numerusform>%1: %n Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Open test set</source>
        <translation>Testsatz öffnen</translation>
    </message>
    <message>
        <source>Test sets (*.json *.csv *.tsv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Testsätze (*.json *.csv *.tsv *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save test set</source>
        <translation>Testsatz speichern</translation>
    </message>
    <message>
        <source>Test sets (*.json)</source>
        <translation>Testsätze (*.json)</translation>
    </message>
</context>
<context>
    <name>ui::TokenizerTab</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>token_ids</source>
        <translation>token_ids</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Every model has its own tokenizer: the same text gives other tokens on another model.</source>
        <translation>Jedes Modell hat seinen eigenen Tokenizer: Derselbe Text ergibt auf einem anderen Modell andere Token.</translation>
    </message>
    <message>
        <source>Tokenize</source>
        <translation>Tokenisieren</translation>
    </message>
    <message>
        <source>POST /tokenize (Ctrl+Enter)</source>
        <translation>POST /tokenize (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>&lt;b&gt;Text&lt;/b&gt;</source>
        <translation>&lt;b&gt;Text&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Type or paste text, then Tokenize (Ctrl+Enter). In any prompt editor, right-click → Show tokens (Ctrl+Shift+T) brings its text here.</source>
        <translation>Text eingeben oder einfügen, dann Tokenisieren (Strg+Eingabe). In jedem Prompt-Editor holt Rechtsklick → Token anzeigen (Strg+Umschalt+T) seinen Text hierher.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tokens over the text&lt;/b&gt; — hover a token for its id</source>
        <translation>&lt;b&gt;Token über dem Text&lt;/b&gt; — zeigen Sie auf ein Token für seine ID</translation>
    </message>
    <message>
        <source>No tokens yet.</source>
        <translation>Noch keine Token.</translation>
    </message>
    <message>
        <source>token ids: 1, 2, 3 or [1,2,3]</source>
        <translation>Token-IDs: 1, 2, 3 oder [1,2,3]</translation>
    </message>
    <message>
        <source>Use ids above</source>
        <translation>IDs von oben</translation>
    </message>
    <message>
        <source>Copy the ids of the tokens on show into this field</source>
        <translation>Die IDs der angezeigten Token in dieses Feld kopieren</translation>
    </message>
    <message>
        <source>Detokenize</source>
        <translation>Detokenisieren</translation>
    </message>
    <message>
        <source>POST /detokenize (Enter in the ids field)</source>
        <translation>POST /detokenize (Eingabe im ID-Feld)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Token ids → text&lt;/b&gt;</source>
        <translation>&lt;b&gt;Token-IDs → Text&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The text of the ids appears here.</source>
        <translation>Der Text der IDs erscheint hier.</translation>
    </message>
    <message>
        <source>Choose a model: tokens depend on it.</source>
        <translation>Wählen Sie ein Modell: Die Token hängen davon ab.</translation>
    </message>
    <message>
        <source>Type some text to tokenize.</source>
        <translation>Geben Sie Text zum Tokenisieren ein.</translation>
    </message>
    <message>
        <source>Tokenizing…</source>
        <translation>Wird tokenisiert…</translation>
    </message>
    <message>
        <source>Tokenized in %L1 ms</source>
        <translation>Tokenisiert in %L1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Token</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 characters per token</source>
        <translation>%L1 Zeichen pro Token</translation>
    </message>
    <message>
        <source>the tokenizer added a leading space</source>
        <translation>der Tokenizer hat ein führendes Leerzeichen hinzugefügt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) could not be placed over the text</source>
        <translation>
            <numerusform>%Ln Token konnte nicht über den Text gelegt werden</numerusform>
            <numerusform>%Ln Token konnten nicht über den Text gelegt werden</numerusform>
        </translation>
    </message>
    <message>
        <source>the answer has no token strings</source>
        <translation>die Antwort enthält keine Token-Zeichenfolgen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>token %1 · id %2 · %3</source>
        <translation>Token %1 · ID %2 · %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a token id (ids are whole numbers from 0).</source>
        <translation>„%1“ ist keine Token-ID (IDs sind ganze Zahlen ab 0).</translation>
    </message>
    <message>
        <source>Type token ids to detokenize, e.g. 1, 2, 3.</source>
        <translation>Geben Sie Token-IDs zum Detokenisieren ein, z. B. 1, 2, 3.</translation>
    </message>
    <message>
        <source>Detokenizing…</source>
        <translation>Wird detokenisiert…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln id(s)</source>
        <translation>
            <numerusform>%Ln ID</numerusform>
            <numerusform>%Ln IDs</numerusform>
        </translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored from the history (%1).</source>
        <translation>Aus dem Verlauf wiederhergestellt (%1).</translation>
    </message>
    <message>
        <source>Restored (%1).</source>
        <translation>Wiederhergestellt (%1).</translation>
    </message>
    <message>
        <source>Texts (*.txt *.md);;All files (*)</source>
        <translation>Texte (*.txt *.md);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ui::TranslationForm</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>The language of the source. Not sent (the API detects it); Swap uses it as the new target.</source>
        <translation>Die Sprache der Quelle. Wird nicht gesendet (die API erkennt sie); Tauschen verwendet sie als neues Ziel.</translation>
    </message>
    <message>
        <source>⇄ Swap</source>
        <translation>⇄ Tauschen</translation>
    </message>
    <message>
        <source>Swap direction: the translation becomes the source (Ctrl+Shift+S)</source>
        <translation>Richtung tauschen: Die Übersetzung wird zur Quelle (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>One request per line</source>
        <translation>Eine Anfrage pro Zeile</translation>
    </message>
    <message>
        <source>Translate every non-empty line on its own (%1 requests at a time); the results fill the table.</source>
        <translation>Jede nichtleere Zeile einzeln übersetzen (%1 Anfragen gleichzeitig); die Ergebnisse füllen die Tabelle.</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Übersetzen</translation>
    </message>
    <message>
        <source>POST /translate (Ctrl+Enter)</source>
        <translation>POST /translate (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>ui::TranslationTab</name>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Choose or type the target language (an ISO 639 code such as &quot;de&quot;).</source>
        <translation>Wählen oder tippen Sie die Zielsprache (ein ISO-639-Code wie „de“).</translation>
    </message>
    <message>
        <source>Type the text to translate.</source>
        <translation>Geben Sie den zu übersetzenden Text ein.</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>Wird übersetzt…</translation>
    </message>
    <message numerus="yes">
        <source>Translated in %L1 s · %Ln segment(s)</source>
        <translation>
            <numerusform>Übersetzt in %L1 s · %Ln Segment</numerusform>
            <numerusform>Übersetzt in %L1 s · %Ln Segmente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translating %Ln line(s)…</source>
        <translation>
            <numerusform>%Ln Zeile wird übersetzt…</numerusform>
            <numerusform>%Ln Zeilen werden übersetzt…</numerusform>
        </translation>
    </message>
    <message>
        <source>translating…</source>
        <translation>wird übersetzt…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) translated in %L1 s</source>
        <translation>
            <numerusform>%Ln Zeile übersetzt in %L1 s</numerusform>
            <numerusform>%Ln Zeilen übersetzt in %L1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln line(s) failed. First error: %2</source>
        <translation>
            <numerusform>%L1 von %Ln Zeile fehlgeschlagen. Erster Fehler: %2</numerusform>
            <numerusform>%L1 von %Ln Zeilen fehlgeschlagen. Erster Fehler: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Swapped: %1 → %2.</source>
        <translation>Getauscht: %1 → %2.</translation>
    </message>
    <message>
        <source>This run cannot be restored: %1</source>
        <translation>Dieser Lauf kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored from the history (%1).</source>
        <translation>Aus dem Verlauf wiederhergestellt (%1).</translation>
    </message>
    <message>
        <source>Restored (%1); translate again to see the results.</source>
        <translation>Wiederhergestellt (%1); übersetzen Sie erneut, um die Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>Texts (*.txt *.md);;All files (*)</source>
        <translation>Texte (*.txt *.md);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ui::TranslationView</name>
    <message>
        <source>&lt;b&gt;Source&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quelle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Text to translate. With &quot;One request per line&quot;, every line is translated on its own.</source>
        <translation>Zu übersetzender Text. Mit „Eine Anfrage pro Zeile“ wird jede Zeile einzeln übersetzt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Translation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Übersetzung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>score: the API&apos;s quality estimate of the whole translation, 0 (poor) to 1 (good)</source>
        <translation>Wert: die Qualitätsschätzung der API für die ganze Übersetzung, 0 (schlecht) bis 1 (gut)</translation>
    </message>
    <message>
        <source>The translation appears here. Hover a segment to see its source.</source>
        <translation>Die Übersetzung erscheint hier. Zeigen Sie auf ein Segment, um seine Quelle zu sehen.</translation>
    </message>
    <message>
        <source>%v / %m lines</source>
        <translation>%v / %m Zeilen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the table (or its selected rows) as tab-separated text</source>
        <translation>Die Tabelle (oder ihre ausgewählten Zeilen) als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>score %L1</source>
        <translation>Wert %L1</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>The server gave no segments, only the whole translation.</source>
        <translation>Der Server lieferte keine Segmente, nur die ganze Übersetzung.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>mean score %L1</source>
        <translation>mittlerer Wert %L1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>%Ln Zeile kopiert.</numerusform>
            <numerusform>%Ln Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: translate first.</source>
        <translation>Noch nichts zu exportieren: Übersetzen Sie zuerst.</translation>
    </message>
    <message>
        <source>Export translations</source>
        <translation>Übersetzungen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert.</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>segment score: &lt;span style=&apos;%1&apos;&gt;&amp;nbsp;≤0.5&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;%2&apos;&gt;&amp;nbsp;0.75&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;%3&apos;&gt;&amp;nbsp;1.0&amp;nbsp;&lt;/span&gt;</source>
        <translation>Segmentwert: &lt;span style=&apos;%1&apos;&gt;&amp;nbsp;≤0,5&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;%2&apos;&gt;&amp;nbsp;0,75&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;%3&apos;&gt;&amp;nbsp;1,0&amp;nbsp;&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>ui::WhatIfAnalysis</name>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>The what-if completion failed: %1</source>
        <translation>Die Was-wäre-wenn-Vervollständigung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The what-if evaluation failed: %1</source>
        <translation>Die Was-wäre-wenn-Bewertung ist fehlgeschlagen: %1</translation>
    </message>
</context>
</TS>
