// SPDX-License-Identifier: MIT
#include "core/settings/Preferences.h"

#include <QCoreApplication>
#include <QSettings>

namespace core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("core::Preferences", text);
}

const QStringList &tabKeys()
{
    static const QStringList keys = {QStringLiteral("chat"),
        QStringLiteral("completion"),
        QStringLiteral("explanation"),
        QStringLiteral("embeddings"),
        QStringLiteral("translation"),
        QStringLiteral("steering"),
        QStringLiteral("tokenizer")};
    return keys;
}

QList<Preferences::Entry> makeTable()
{
    using E = Preferences::Entry;
    QList<E> t;
    const auto text = [](const char *key,
                          const QString &def,
                          const QStringList &choices,
                          const QString &doc,
                          bool boot = false) {
        E e;
        e.key = QLatin1String(key);
        e.type = QMetaType::QString;
        e.defaultValue = def;
        e.choices = choices;
        e.doc = doc;
        e.bootstrap = boot;
        return e;
    };
    const auto number = [](const char *key,
                            QMetaType::Type type,
                            const QVariant &def,
                            const QVariant &low,
                            const QVariant &high,
                            const QString &doc) {
        E e;
        e.key = QLatin1String(key);
        e.type = type;
        e.defaultValue = def;
        e.minimum = low;
        e.maximum = high;
        e.doc = doc;
        return e;
    };
    t << text(Preferences::kTheme,
        QStringLiteral("system"),
        {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")},
        tr("The colours: the system's, light or dark."));
    t << text(Preferences::kLanguage,
        QStringLiteral("system"),
        {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")},
        tr("The language of the interface (applies after a restart)."));
    t << number(Preferences::kTextSize,
        QMetaType::Int,
        100,
        50,
        300,
        tr("The size of all text, in percent of the system's font."));
    E enter;
    enter.key = QLatin1String(Preferences::kEnterSends);
    enter.type = QMetaType::Bool;
    enter.defaultValue = false;
    enter.doc = tr("Chat sends on Enter (Shift+Enter: a new line); off: only Ctrl+Enter sends.");
    t << enter;
    for (const QString &tab : tabKeys()) {
        E e;
        e.key = Preferences::defaultModelKey(tab);
        e.type = QMetaType::QString;
        e.defaultValue = QString();
        e.doc = tr("The model a new %1 tab starts with (empty: the first one listed).").arg(tab);
        t << e;
    }
    t << number(Preferences::kMaximumTokens,
        QMetaType::Int,
        64,
        1,
        32768,
        tr("maximum_tokens of a new completion: the most tokens generated."));
    t << number(Preferences::kTemperature,
        QMetaType::Double,
        0.0,
        0.0,
        2.0,
        tr("temperature of a new completion: 0 is greedy, higher is more random."));
    t << text(Preferences::kDataFolder,
        QString(),
        {},
        tr("Where settings, history and conversations are kept (empty: the system's data folder; "
           "applies after a restart)."),
        true);
    return t;
}
} // namespace

QUrl defaults::baseUrl()
{
    return QUrl(QString::fromLatin1(kBaseUrl));
}

QString Preferences::defaultModelKey(const QString &tabKey)
{
    return QStringLiteral("defaults/model/") + tabKey;
}

QStringList Preferences::modelTabs()
{
    return tabKeys();
}

const QList<Preferences::Entry> &Preferences::table()
{
    static const QList<Entry> t = makeTable();
    return t;
}

const Preferences::Entry *Preferences::entry(const QString &key)
{
    for (const Entry &e : table()) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

QVariant Preferences::checked(const Entry &entry, const QVariant &value, QString *problem)
{
    const auto fail = [&](const QString &why) {
        if (problem)
            *problem = why;
        return QVariant();
    };
    switch (entry.type) {
    case QMetaType::Bool: {
        if (value.typeId() == QMetaType::Bool)
            return value;
        const QString s = value.toString().trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("0"))
            return false;
        return fail(tr("%1 = %2 is not true or false; %3 is used.")
                        .arg(entry.key, value.toString(), entry.defaultValue.toString()));
    }
    case QMetaType::Int: {
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        if (ok && n >= entry.minimum.toLongLong() && n <= entry.maximum.toLongLong())
            return int(n);
        return fail(tr("%1 = %2 is not between %3 and %4; %5 is used.")
                        .arg(entry.key,
                            value.toString(),
                            entry.minimum.toString(),
                            entry.maximum.toString(),
                            entry.defaultValue.toString()));
    }
    case QMetaType::Double: {
        bool ok = false;
        const double x = value.toDouble(&ok);
        if (ok && x >= entry.minimum.toDouble() && x <= entry.maximum.toDouble())
            return x;
        return fail(tr("%1 = %2 is not between %3 and %4; %5 is used.")
                        .arg(entry.key,
                            value.toString(),
                            entry.minimum.toString(),
                            entry.maximum.toString(),
                            entry.defaultValue.toString()));
    }
    default: {
        const QString s = value.toString();
        if (entry.choices.isEmpty() || entry.choices.contains(s))
            return s;
        return fail(tr("%1 = %2 is not one of %3; %4 is used.")
                        .arg(entry.key,
                            s,
                            entry.choices.join(QStringLiteral(", ")),
                            entry.defaultValue.toString()));
    }
    }
}

Preferences::Preferences(QSettings *settings, QSettings *bootstrap, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_bootstrap(bootstrap ? bootstrap : settings)
{}

QSettings *Preferences::store(const Entry &entry) const
{
    return entry.bootstrap ? m_bootstrap : m_settings;
}

QVariant Preferences::value(const QString &key) const
{
    const Entry *e = entry(key);
    if (!e)
        return {};
    QSettings *s = store(*e);
    if (s ? !s->contains(key) : !m_memory.contains(key))
        return e->defaultValue;
    const QVariant v = checked(*e, s ? s->value(key) : m_memory.value(key));
    return v.isValid() ? v : e->defaultValue;
}

bool Preferences::setValue(const QString &key, const QVariant &value, QString *error)
{
    const Entry *e = entry(key);
    if (!e) {
        if (error)
            *error = tr("%1 is not a preference.").arg(key);
        return false;
    }
    const QVariant v = checked(*e, value, error);
    if (!v.isValid())
        return false;
    const QVariant before = this->value(key);
    if (QSettings *s = store(*e))
        s->setValue(key, v);
    else
        m_memory.insert(key, v);
    if (before != v)
        Q_EMIT changed(key, v);
    return true;
}

void Preferences::reset(const QString &key)
{
    const Entry *e = entry(key);
    if (!e)
        return;
    const QVariant before = value(key);
    if (QSettings *s = store(*e))
        s->remove(key);
    else
        m_memory.remove(key);
    if (before != e->defaultValue)
        Q_EMIT changed(key, e->defaultValue);
}

void Preferences::readAll()
{
    m_problems.clear();
    for (const Entry &e : table()) {
        QSettings *s = store(e);
        if (!s || !s->contains(e.key))
            continue;
        QString problem;
        if (!checked(e, s->value(e.key), &problem).isValid())
            m_problems << problem;
    }
}

} // namespace core
