// SPDX-License-Identifier: MIT
#include "ui/shell/AboutDialog.h"

#include "AlephCommit.h" // made at build time by ui/shell/commit.cmake

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>
#ifndef ALEPH_QTKEYCHAIN_VERSION
#define ALEPH_QTKEYCHAIN_VERSION "unknown"
#endif

namespace ui {

QString AboutDialog::version()
{
    return QStringLiteral(ALEPH_VERSION);
}

QString AboutDialog::commit()
{
    const QString c = QStringLiteral(ALEPH_COMMIT);
    return c.isEmpty() ? QStringLiteral("unknown") : c;
}

QString AboutDialog::qtKeychainVersion()
{
    return QStringLiteral(ALEPH_QTKEYCHAIN_VERSION);
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Aleph Playground"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextFormat(Qt::RichText);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setText(tr(
        "<h2>Aleph Playground %1</h2><p>A native playground for the Aleph Alpha inference API.</p>"
        "<p>Built from commit <b>%2</b> with Qt %3 (running on Qt %4) and QtKeychain %5.</p>")
                       .arg(version(),
                           commit(),
                           QStringLiteral(QT_VERSION_STR),
                           QString::fromLatin1(qVersion()),
                           qtKeychainVersion()));
    title->setWordWrap(true);
    layout->addWidget(title);

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setOpenExternalLinks(true);
    const QString rows = tr(
        "<h3>Licences</h3>"
        "<table cellpadding='3'>"
        "<tr><td>Aleph Playground</td><td>MIT</td></tr>"
        "<tr><td>Qt %1</td><td>LGPL-3.0 (The Qt Company and contributors)</td></tr>"
        "<tr><td>QtKeychain %2</td><td>BSD-3-Clause (Frank Osterfeld and contributors)</td></tr>"
        "<tr><td>Eigen 3</td><td>MPL-2.0</td></tr>"
        "<tr><td>hnswlib</td><td>Apache-2.0</td></tr>"
        "<tr><td>SQLite (through Qt SQL)</td><td>public domain</td></tr>"
        "</table>"
        "<h3>Data of the offline sandbox</h3>"
        "<table cellpadding='3'>"
        "<tr><td>WordNet 3.0</td><td>Princeton University, WordNet 3.0 licence (Debian package "
        "wordnet-base)</td></tr>"
        "<tr><td>FreeDict English–German and German–English</td><td>Frank Richter, Einhard "
        "Leichtfuß and FreeDict "
        "contributors, GPL-3.0 or later (Debian packages dict-freedict-eng-deu and "
        "dict-freedict-deu-eng)</td></tr>"
        "<tr><td>Sample sets (Embeddings ▸ Samples: Topics, Support tickets, Everyday "
        "topics)</td><td>written for this project, MIT</td></tr>"
        "</table>"
        "<p>The sandbox's answers are synthetic, made on this computer by a small deterministic "
        "model; they are not "
        "Aleph Alpha's models.</p>")
                             .arg(QString::fromLatin1(qVersion()), qtKeychainVersion());
    m_text->setHtml(rows);
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_html = title->text() + m_text->toHtml();
    resize(600, 560);
}

QString AboutDialog::html() const
{
    return m_html;
}

} // namespace ui
