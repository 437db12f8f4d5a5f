// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariant>
#include <QVariantMap>

class QSettings;

namespace core {

/// The defaults of a connection, here and only here (ClientConfig, ConnectionProfile, the code
/// generator, the command lines and the preferences' table read them).
namespace defaults {
/// The public Aleph Alpha API (API-ENDPOINTS.md, "Base URL").
inline constexpr char kBaseUrl[] = "https://api.aleph-alpha.com";
/// Seconds without data before an attempt ends: 5 s more than the server's own 300 s limit.
inline constexpr int kTimeoutSeconds = 305;
/// Retries of busy, rate-limited and transient failures (CLIENT-SEMANTICS.md, "Retries").
inline constexpr int kTotalRetries = 8;
/// kBaseUrl as a URL.
QUrl baseUrl();
} // namespace defaults

/// The user's preferences: one typed table (key, type, default, range, docstring) read and written
/// through QSettings (the data folder's settings.ini). A value that is missing, of the wrong type
/// or out of range reads as its default, and problems() names it (shown like the out-of-range
/// connection settings); nothing is written back until the user sets the value.
///
/// The data folder itself (kDataFolder) is kept in the settings.ini of the default data folder
/// (the `bootstrap` settings), as it says where the other settings.ini is.
class Preferences : public QObject
{
    Q_OBJECT
public:
    /// One row of the table.
    struct Entry
    {
        QString key; ///< QSettings key, "appearance/theme"
        QMetaType::Type type = QMetaType::QString; ///< Bool, Int, Double or QString
        QVariant defaultValue;
        QVariant minimum; ///< Int and Double: the lowest accepted value
        QVariant maximum; ///< Int and Double: the highest accepted value
        QStringList choices; ///< QString: the accepted values (empty: any text)
        QString doc; ///< what the value means, with its unit
        bool bootstrap = false; ///< kept in the default data folder's settings.ini
    };

    // The keys of the table.
    static constexpr char kTheme[] = "appearance/theme"; ///< "system", "light" or "dark"
    static constexpr char kLanguage[] = "appearance/language"; ///< "system", "en" or "de"
    static constexpr char kTextSize[]
        = "appearance/textSize"; ///< percent of the system font, 50..300
    static constexpr char kEnterSends[]
        = "chat/enterSends"; ///< Chat sends on Enter (Shift+Enter: new line)
    static constexpr char kMaximumTokens[]
        = "defaults/maximumTokens"; ///< maximum_tokens of a new Completion, 1..32768
    static constexpr char kTemperature[]
        = "defaults/temperature"; ///< temperature of a new Completion, 0..2
    static constexpr char kDataFolder[] = "paths/dataFolder"; ///< "" = the system's data folder
    /// The key of tab `tabKey`'s default model ("defaults/model/chat"); "" = the first model
    /// listed.
    static QString defaultModelKey(const QString &tabKey);
    /// The tabs that have a default model, by their history key.
    static QStringList modelTabs();

    /// Every entry, in the order the preferences dialog shows them.
    static const QList<Entry> &table();
    /// The entry of `key`, or nullptr.
    static const Entry *entry(const QString &key);
    /// `value` converted to the entry's type when valid for it, else an invalid QVariant and
    /// `problem` (optional) says why ("temperature = 7 is not between 0 and 2").
    static QVariant checked(const Entry &entry, const QVariant &value, QString *problem = nullptr);

    /// `settings` (not owned) is the data folder's settings.ini; `bootstrap` (not owned, may be
    /// null: then `settings`) the default data folder's, for kDataFolder. Without settings the
    /// values are kept in memory for the session (tests, a window without a data folder).
    explicit Preferences(
        QSettings *settings, QSettings *bootstrap = nullptr, QObject *parent = nullptr);

    /// The value of `key` in its type: the stored one when valid, else the default. Unknown keys
    /// give an invalid QVariant.
    QVariant value(const QString &key) const;
    /// Stores `value` when valid for `key` and emits changed() if it differs; false and `error`
    /// otherwise (nothing is stored).
    bool setValue(const QString &key, const QVariant &value, QString *error = nullptr);
    /// Removes the stored value: the default applies again.
    void reset(const QString &key);
    /// What was wrong in the file, one message per bad entry, found by readAll().
    QStringList problems() const { return m_problems; }
    /// Reads every entry once (at start), noting what is out of range in problems().
    void readAll();

    QString theme() const { return value(QLatin1String(kTheme)).toString(); }
    QString language() const { return value(QLatin1String(kLanguage)).toString(); }
    int textSize() const { return value(QLatin1String(kTextSize)).toInt(); }
    bool enterSends() const { return value(QLatin1String(kEnterSends)).toBool(); }
    QString defaultModel(const QString &tabKey) const
    {
        return value(defaultModelKey(tabKey)).toString();
    }
    QString dataFolder() const { return value(QLatin1String(kDataFolder)).toString(); }

Q_SIGNALS:
    /// `key` now has `value` (after setValue() or reset()).
    void changed(const QString &key, const QVariant &value);

private:
    QSettings *store(const Entry &entry) const;
    QSettings *m_settings;
    QSettings *m_bootstrap;
    QStringList m_problems;
    QVariantMap m_memory;
};

} // namespace core
