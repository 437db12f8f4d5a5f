// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

namespace ui {

/// Help ▸ About: the version and the commit the build came from, the Qt and QtKeychain versions,
/// the licences of the dependencies and the sources of the offline sandbox's data.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    /// The text shown (HTML), for tests.
    QString html() const;
    /// "0.9.0", the commit ("a1b2c3d", or "unknown" outside git), the Qt and QtKeychain versions.
    static QString version();
    static QString commit();
    static QString qtKeychainVersion();

private:
    QTextBrowser *m_text;
    QString m_html;
};

} // namespace ui
