<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ui::ChatComposer</name>
    <message numerus="yes">
        <source>📎 %n image(s) attached to the next message</source>
        <translation>
            <numerusform>📎 %n image attached to the next message</numerusform>
            <numerusform>📎 %n images attached to the next message</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ChatTranscriptView</name>
    <message numerus="yes">
        <source>*📎 %n image(s)*</source>
        <translation>
            <numerusform>*📎 %n image*</numerusform>
            <numerusform>*📎 %n images*</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier message(s)</source>
        <translation>
            <numerusform>Show %n earlier message</numerusform>
            <numerusform>Show %n earlier messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CompareColumn</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CompareView</name>
    <message numerus="yes">
        <source>Running %Ln column(s)… Esc stops them all.</source>
        <translation>
            <numerusform>Running %Ln column… Esc stops it.</numerusform>
            <numerusform>Running %Ln columns… Esc stops them all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CompletionTab</name>
    <message numerus="yes">
        <source>log P(expected | prompt) = %L1 (p = %2) · perplexity per token %L3 · greedy decoding gives it: %4 · %Ln token(s)</source>
        <translation>
            <numerusform>log P(expected | prompt) = %L1 (p = %2) · perplexity per token %L3 · greedy decoding gives it: %4 · %Ln token</numerusform>
            <numerusform>log P(expected | prompt) = %L1 (p = %2) · perplexity per token %L3 · greedy decoding gives it: %4 · %Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ConversationListPanel</name>
    <message numerus="yes">
        <source>%n more deleted conversation(s) can come back.</source>
        <translation>
            <numerusform>%n more deleted conversation can come back.</numerusform>
            <numerusform>%n more deleted conversations can come back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::DeckPanel</name>
    <message numerus="yes">
        <source>Rehearsal done: %1 of %Ln step(s) have a recording.</source>
        <translation>
            <numerusform>Rehearsal done: %1 of %Ln step has a recording.</numerusform>
            <numerusform>Rehearsal done: %1 of %Ln steps have a recording.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened “%1”: %Ln step(s), %2 rehearsed.</source>
        <translation>
            <numerusform>Opened “%1”: %Ln step, %2 rehearsed.</numerusform>
            <numerusform>Opened “%1”: %Ln steps, %2 rehearsed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsForm</name>
    <message numerus="yes">
        <source>%Ln text(s)</source>
        <translation>
            <numerusform>%Ln text</numerusform>
            <numerusform>%Ln texts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln label(s)</source>
        <translation>
            <numerusform>%Ln label</numerusform>
            <numerusform>%Ln labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln text(s) from %1.</source>
        <translation>
            <numerusform>Imported %Ln text from %1.</numerusform>
            <numerusform>Imported %Ln texts from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsSidePanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;Selection&lt;/b&gt; — %Ln point(s) (Esc on the map clears)</source>
        <translation>
            <numerusform>&lt;b&gt;Selection&lt;/b&gt; — %Ln point (Esc on the map clears)</numerusform>
            <numerusform>&lt;b&gt;Selection&lt;/b&gt; — %Ln points (Esc on the map clears)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::EmbeddingsTab</name>
    <message numerus="yes">
        <source>Embedding %Ln text(s) with %1…</source>
        <translation>
            <numerusform>Embedding %Ln text with %1…</numerusform>
            <numerusform>Embedding %Ln texts with %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s) for “%1”, ringed on the map.</source>
        <translation>
            <numerusform>%Ln hit for “%1”, ringed on the map.</numerusform>
            <numerusform>%Ln hits for “%1”, ringed on the map.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored the run&apos;s first batch (%Ln text(s)). %1</source>
        <translation>
            <numerusform>Restored the run&apos;s first batch (%Ln text). %1</numerusform>
            <numerusform>Restored the run&apos;s first batch (%Ln texts). %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ExplanationResultsView</name>
    <message numerus="yes">
        <source>%n span(s) marked</source>
        <translation>
            <numerusform>%n span marked</numerusform>
            <numerusform>%n spans marked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mean of the %n token explanations, on a scale of its own (unless fixed).</source>
        <translation>
            <numerusform>The mean of the %n token explanation, on a scale of its own (unless fixed).</numerusform>
            <numerusform>The mean of the %n token explanations, on a scale of its own (unless fixed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-running with factor %1 on %n span(s)…</source>
        <translation>
            <numerusform>Re-running with factor %1 on %n span…</numerusform>
            <numerusform>Re-running with factor %1 on %n spans…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With controls (factor %L1 on %n span(s))</source>
        <translation>
            <numerusform>With controls (factor %L1 on %n span)</numerusform>
            <numerusform>With controls (factor %L1 on %n spans)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ExplanationTab</name>
    <message numerus="yes">
        <source>%n explanation(s) · %1 (%2) · %3</source>
        <translation>
            <numerusform>%n explanation · %1 (%2) · %3</numerusform>
            <numerusform>%n explanations · %1 (%2) · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message numerus="yes">
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n model available</numerusform>
            <numerusform>%n models available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MapView</name>
    <message numerus="yes">
        <source>… %n more labels</source>
        <translation>
            <numerusform>… %n more label</numerusform>
            <numerusform>… %n more labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::PreferencesDialog</name>
    <message numerus="yes">
        <source>%n run(s) recorded</source>
        <translation>
            <numerusform>%n run recorded</numerusform>
            <numerusform>%n runs recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n recorded run(s)? This cannot be undone. Conversations and drafts are kept.</source>
        <translation>
            <numerusform>Delete the %n recorded run? This cannot be undone. Conversations and drafts are kept.</numerusform>
            <numerusform>Delete all %n recorded runs? This cannot be undone. Conversations and drafts are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::PresenterBar</name>
    <message numerus="yes">
        <source>%1 · %Ln step(s) · Page Down starts</source>
        <translation>
            <numerusform>%1 · %Ln step · Page Down starts</numerusform>
            <numerusform>%1 · %Ln steps · Page Down starts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ProfilesDialog</name>
    <message numerus="yes">
        <source>Connected. %n model(s) available.</source>
        <translation>
            <numerusform>Connected. %n model available.</numerusform>
            <numerusform>Connected. %n models available.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::PromptLibraryPanel</name>
    <message numerus="yes">
        <source>Deleted “%1” with %n version(s).</source>
        <translation>
            <numerusform>Deleted “%1” with %n version.</numerusform>
            <numerusform>Deleted “%1” with %n versions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more deleted prompt(s) can come back.</source>
        <translation>
            <numerusform>%n more deleted prompt can come back.</numerusform>
            <numerusform>%n more deleted prompts can come back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n version(s) added (new prompts: %2, merged: %3).</source>
        <translation>
            <numerusform>Imported %1: %n version added (new prompts: %2, merged: %3).</numerusform>
            <numerusform>Imported %1: %n versions added (new prompts: %2, merged: %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>Exported %n prompt to %1.</numerusform>
            <numerusform>Exported %n prompts to %1.</numerusform>
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
Tags: %2
%n version, the newest from %3</numerusform>
            <numerusform>%1
Tags: %2
%n versions, the newest from %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::PromptVersionDiff</name>
    <message numerus="yes">
        <source>Version %1 → %2: %3 · %n other change(s).</source>
        <translation>
            <numerusform>Version %1 → %2: %3 · %n other change.</numerusform>
            <numerusform>Version %1 → %2: %3 · %n other changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::SteeringPairsEditor</name>
    <message numerus="yes">
        <source>Exported %Ln pair(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln pair to %1.</numerusform>
            <numerusform>Exported %Ln pairs to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s), ready to send.</source>
        <translation>
            <numerusform>%Ln pair, ready to send.</numerusform>
            <numerusform>%Ln pairs, ready to send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln pair(s) from %1.</source>
        <translation>
            <numerusform>Imported %Ln pair from %1.</numerusform>
            <numerusform>Imported %Ln pairs from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::SteeringTab</name>
    <message numerus="yes">
        <source>failed after %Ln character(s)</source>
        <translation>
            <numerusform>failed after %Ln character</numerusform>
            <numerusform>failed after %Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stopped after %Ln character(s)</source>
        <translation>
            <numerusform>stopped after %Ln character</numerusform>
            <numerusform>stopped after %Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TestCellDetail</name>
    <message numerus="yes">
        <source>· %n retry(s)</source>
        <translation>
            <numerusform>· %n retry</numerusform>
            <numerusform>· %n retries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TestResultsModel</name>
    <message numerus="yes">
        <source>· %n retry(s)</source>
        <translation>
            <numerusform>· %n retry</numerusform>
            <numerusform>· %n retries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TestRunPanel</name>
    <message numerus="yes">
        <source>%n retry(s).</source>
        <translation>
            <numerusform>%n retry.</numerusform>
            <numerusform>%n retries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TestSetEditor</name>
    <message numerus="yes">
        <source>%n row(s) imported.</source>
        <translation>
            <numerusform>%n row imported.</numerusform>
            <numerusform>%n rows imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) removed; Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>%n row removed; Undo (Ctrl+Z) brings it back.</numerusform>
            <numerusform>%n rows removed; Undo (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) added from the library.</source>
        <translation>
            <numerusform>%n version added from the library.</numerusform>
            <numerusform>%n versions added from the library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TestSetWindow</name>
    <message numerus="yes">
        <source>%1: %n row(s).</source>
        <translation>
            <numerusform>%1: %n row.</numerusform>
            <numerusform>%1: %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TokenizerTab</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) could not be placed over the text</source>
        <translation>
            <numerusform>%Ln token could not be placed over the text</numerusform>
            <numerusform>%Ln tokens could not be placed over the text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln id(s)</source>
        <translation>
            <numerusform>%Ln id</numerusform>
            <numerusform>%Ln ids</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TranslationTab</name>
    <message numerus="yes">
        <source>Translated in %L1 s · %Ln segment(s)</source>
        <translation>
            <numerusform>Translated in %L1 s · %Ln segment</numerusform>
            <numerusform>Translated in %L1 s · %Ln segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translating %Ln line(s)…</source>
        <translation>
            <numerusform>Translating %Ln line…</numerusform>
            <numerusform>Translating %Ln lines…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) translated in %L1 s</source>
        <translation>
            <numerusform>%Ln line translated in %L1 s</numerusform>
            <numerusform>%Ln lines translated in %L1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln line(s) failed. First error: %2</source>
        <translation>
            <numerusform>%L1 of %Ln line failed. First error: %2</numerusform>
            <numerusform>%L1 of %Ln lines failed. First error: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TranslationView</name>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>Copied %Ln row.</numerusform>
            <numerusform>Copied %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
