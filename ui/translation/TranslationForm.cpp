// SPDX-License-Identifier: MIT
#include "ui/translation/TranslationForm.h"

#include "core/api/Translation.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/PresenterHint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

QComboBox *languageCombo(QWidget *parent, const QString &objectName, const QString &code)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const QString &c : core::translationLanguageCodes())
        combo->addItem(TranslationForm::languageLabel(c), c);
    combo->setCurrentIndex(combo->findData(code));
    combo->setMinimumContentsLength(14);
    return combo;
}

void setLanguage(QComboBox *combo, const QString &code)
{
    const int index = combo->findData(code.trimmed().toLower());
    if (index >= 0)
        combo->setCurrentIndex(index);
    else
        combo->setEditText(code);
}

} // namespace

TranslationForm::TranslationForm(QWidget *parent)
    : QWidget(parent)
{
    const ParameterDescriptions tips = parameterDescriptions(u"translate"_s);
    auto *top = new QHBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(new QLabel(tr("Model"), this));
    m_model
        = new ModelPicker(ModelPicker::Capability::Translation, u"pharia-1-mt-translation"_s, this);
    m_model->setObjectName(u"model"_s);
    m_model->setToolTip(parameterTip(tips, u"model"_s));
    top->addWidget(m_model);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("From"), this));
    m_from = languageCombo(this, u"from"_s, u"en"_s);
    m_from->setToolTip(tr("The language of the source. Not sent (the API detects it); Swap uses it "
                          "as the new target."));
    top->addWidget(m_from);
    m_swap = new QPushButton(tr("⇄ Swap"), this);
    m_swap->setObjectName(u"swap"_s);
    m_swap->setToolTip(tr("Swap direction: the translation becomes the source (Ctrl+Shift+S)"));
    top->addWidget(m_swap);
    top->addWidget(new QLabel(tr("To"), this));
    m_to = languageCombo(this, u"target_language"_s, u"de"_s);
    m_to->setToolTip(parameterTip(tips, u"target_language"_s));
    top->addWidget(m_to);
    m_perLine = new QCheckBox(tr("One request per line"), this);
    m_perLine->setObjectName(u"perLine"_s);
    m_perLine->setToolTip(tr("Translate every non-empty line on its own (%1 requests at a time); "
                             "the results fill the table.")
                              .arg(LinesInFlight));
    m_translateButton = new QPushButton(tr("Translate"), this);
    m_translateButton->setObjectName(u"translate"_s);
    hideInPresenterMode(m_translateButton); // the presenter bar's Run and Stop do it
    m_translateButton->setToolTip(tr("POST /translate (Ctrl+Enter)"));
    m_translateButton->setDefault(true);
    top->addWidget(m_translateButton);
    m_stopButton = new QPushButton(tr("Stop"), this);
    hideInPresenterMode(m_stopButton);
    m_stopButton->setToolTip(tr("Esc"));
    m_stopButton->setEnabled(false);
    top->addWidget(m_stopButton);
    top->addStretch(1);

    connect(m_to, &QComboBox::currentTextChanged, this, &TranslationForm::edited);
    connect(m_from, &QComboBox::currentTextChanged, this, &TranslationForm::edited);
    connect(m_model, &QComboBox::currentTextChanged, this, &TranslationForm::edited);
}

void TranslationForm::setModels(const QList<core::ModelSettings> &models)
{
    m_model->setModels(models);
}

QString TranslationForm::languageCode(const QString &text)
{
    static const QRegularExpression code(u"\\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\\)\\s*$"_s);
    const QRegularExpressionMatch m = code.match(text);
    return m.hasMatch() ? m.captured(1) : text.trimmed();
}

QString TranslationForm::languageLabel(const QString &code)
{
    const QLocale locale(code);
    // Qt names languages only in English or in themselves: in another UI language, in themselves
    // ("Deutsch (de)", "Français (fr)").
    const QLocale::Language ui = QLocale().language();
    QString name = locale.language() == QLocale::C ? code
        : ui == QLocale::English || ui == QLocale::C || ui == QLocale::AnyLanguage
        ? QLocale::languageToString(locale.language())
        : locale.language() == QLocale::English ? u"English"_s // not "American English"
                                                : locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return u"%1 (%2)"_s.arg(name, code);
}

void TranslationForm::setTargetLanguage(const QString &code)
{
    setLanguage(m_to, code);
}

QString TranslationForm::targetLanguage() const
{
    return languageCode(m_to->currentText());
}

void TranslationForm::setSourceLanguage(const QString &code)
{
    setLanguage(m_from, code);
}

QString TranslationForm::sourceLanguage() const
{
    return languageCode(m_from->currentText());
}

void TranslationForm::setBusy(bool busy)
{
    m_translateButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
}

} // namespace ui
