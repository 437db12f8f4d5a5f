// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "core/storage/SteeringLibrary.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/steering/SteeringPairsEditor.h"

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ui {

class ModelPicker;
class PromptEdit;
class RunController;
class SteeringABView;
class SteeringLibraryPanel;

/// Steering concepts (reference/API-ENDPOINTS.md §6, BETA): a table editor of example pairs
/// (negative → positive) with add, remove, reorder and CSV import/export, checked for empty and
/// duplicate pairs before sending; "Create concept" (`POST /steering_concepts` → id); a local
/// library in SQLite (core::SteeringLibrary) with rename, delete (undoable), duplicate and
/// re-create on the connection in use; an A/B view that streams one prompt without and with the
/// concept side by side, through /complete or /chat/completions. Create with Ctrl+Enter in the
/// editor; Run A/B with Ctrl+Enter in the A/B prompt; Esc stops. The tab wires the library
/// (SteeringLibraryPanel), the editor (SteeringPairsEditor) and the A/B inputs and outputs
/// (SteeringABForm, SteeringABView), and runs the requests.
class SteeringTab : public PlaygroundTab
{
    Q_OBJECT
public:
    enum class Mode { Completion, Chat };
    /// One problem of the pairs: the row (0-based) and what is wrong.
    using PairProblem = SteeringPairsEditor::PairProblem;

    explicit SteeringTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    ~SteeringTab() override;
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override;
    /// The library the tab reads and writes (not owned; null: no library, concepts are not kept).
    void setLibrary(core::SteeringLibrary *library);
    core::SteeringLibrary *library() const { return m_library; }

    // Editor
    void setExamples(const QList<core::SteeringConceptExample> &examples);
    /// The pairs in the table, in order (cells as typed, rows with both cells empty included).
    QList<core::SteeringConceptExample> examples() const;
    void setConceptName(const QString &name);
    void setDescription(const QString &description);
    /// Empty rows, half-empty rows, duplicates and pairs whose sides are equal, in row order.
    QList<PairProblem> pairProblems() const;
    QString validationText() const;
    void addPair(const QString &negative = {}, const QString &positive = {});
    /// Adds an empty pair and starts editing it: the table gets the focus, the current cell is the
    /// new row's negative side, in edit mode (Ctrl+N and the Add button).
    void addPairAndEdit();
    void removeSelectedPairs();
    /// Moves the current pair up (-1) or down (+1).
    void movePair(int delta);
    bool importCsv(const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error) const;
    QTableView *pairsTable() const;

    /// The concept id in use (the last one created or loaded), for A/B and "Use in".
    QString conceptId() const;
    void setConceptId(const QString &id);

    // Library
    QTableView *libraryTable() const;
    /// Row `row` of the library table into the editor (name, description, pairs, id).
    void loadEntry(int row);
    /// The library rowid shown in table row `row`, or 0.
    qint64 rowIdAt(int row) const;
    bool renameEntry(int row, const QString &name);
    bool deleteEntry(int row);
    /// Puts back the entry deleted last.
    bool undoDelete();
    bool duplicateEntry(int row);
    /// Sends the pairs of entry `row` to the connection in use; the id is stored as a new entry for
    /// this profile and host (or updates the entry when it was made on this host already).
    void recreateEntry(int row);

    // A/B
    void setMode(Mode mode);
    void setABPrompt(const QString &prompt);
    void setABModel(const QString &model);
    void setMaximumTokens(int tokens);
    QString outputWithout() const;
    QString outputWith() const;
    /// Why side A (`steered` false) or B (true) of the last A/B run failed, as shown in red above
    /// that side's output; empty when it did not fail.
    QString abError(bool steered) const;
    bool isBusy() const;
    QString statusText() const;
    QString abStatusText() const;

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("steering"); }
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    bool restoresAnswers() const override { return false; }
    /// The draft without the concept id: the step's Run creates the concept from its pairs
    /// where the deck plays, then runs A/B.
    QVariantMap stepInputs() const override;
    void applyStepInputs(const QVariantMap &inputs) override;
    ModelPicker *modelPicker() const override { return m_abModel; }
    /// Run ▸ Run compares A/B (Ctrl+Enter in the pairs editor creates the concept instead).
    bool canRun() const override { return true; }
    void triggerRun() override { runAB(); }
    bool canStop() const override { return isBusy(); }
    void triggerStop() override { stop(); }
    QString openFilter() const override { return tr("CSV (*.csv *.tsv *.txt)"); }
    /// Pairs from a CSV with the columns negative and positive.
    bool openFile(const QString &path, QString *error) override { return importCsv(path, error); }

public Q_SLOTS:
    void createConcept();
    void runAB();
    void stop();
    void reloadLibrary();

Q_SIGNALS:
    /// A create or re-create ended (any way).
    void conceptFinished();
    /// Both A/B streams ended (any way).
    void abFinished();
    /// "Use in Completion/Chat": put `id` into that tab's steering_concepts.
    void useConcept(const QString &id, SteeringTab::Mode mode);
    /// The library changed (Completion and Chat refresh their menus from it).
    void libraryChanged();

private:
    /// A concept being created: what goes into the library when its id comes back.
    struct PendingConcept
    {
        core::SteeringConceptEntry base; // name and description (re-create: the entry)
        QList<core::SteeringConceptExample> pairs;
        bool recreate = false;
        QString host;
        QString profile;
    };

    void build();
    QWidget *buildAB();
    void buildRuns();
    void flagProblems();
    /// The pairs as a request, or nullopt with `problem` set (no pairs, or a pair problem).
    std::optional<core::CreateSteeringConceptRequest> request(QString *problem) const;
    /// Puts `entry`'s name, description and pairs into the editor (not its id).
    void showInEditor(const core::SteeringConceptEntry &entry);
    void sendConcept(const QList<core::SteeringConceptExample> &examples,
        const core::SteeringConceptEntry &base,
        bool recreate);
    void onConceptCreated(core::ApiJob *job);
    /// The library's words for keeping `entry` (added, or updated when this host has its id).
    QString keepInLibrary(core::SteeringConceptEntry &entry, bool recreate);
    void startStream(bool steered);
    void onStreamEnded(int side, core::ApiJob *job);
    bool isABBusy() const;

    core::ApiClient *m_client;
    core::SteeringLibrary *m_library = nullptr;
    /// Create and re-create (recorded in the history).
    QAbstractButton *exportButton() const override;
    RunController *m_conceptRun = nullptr;
    PendingConcept m_pending;
    /// A/B: one stream per side (A without, B with the concept), side by side; not recorded
    /// (the history's steering runs are concepts).
    RunController *m_sides[2] = {nullptr, nullptr};

    SteeringLibraryPanel *m_libraryPanel = nullptr;
    SteeringPairsEditor *m_editor = nullptr;
    SteeringABView *m_abView = nullptr;
    // Widgets of the editor, the A/B form and view that the run code and the drafts use.
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QPushButton *m_createButton = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QLabel *m_status = nullptr;

    QComboBox *m_mode = nullptr;
    ModelPicker *m_abModel = nullptr;
    PromptEdit *m_abPrompt = nullptr;
    QSpinBox *m_maximumTokens = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QPushButton *m_runAB = nullptr;
    QPushButton *m_stopAB = nullptr;
    QPlainTextEdit *m_outputs[2] = {nullptr, nullptr};
    QLabel *m_outputErrors[2] = {nullptr, nullptr};
    core::ApiJob::State m_sideStates[2]
        = {core::ApiJob::State::Succeeded, core::ApiJob::State::Succeeded};
    bool m_abAfterConcept = false; // Run A/B asked for a concept first: run once it exists
    QLabel *m_abStatus = nullptr;
};

} // namespace ui
