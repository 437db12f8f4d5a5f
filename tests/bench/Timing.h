// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>

#include <algorithm>

namespace bench {

/// The median of `v` (the upper one of an even count); 0 when empty.
inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

/// Milliseconds on `t` so far, with sub-millisecond precision.
inline double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// The GUI thread's stalls: the gaps between the ticks of a 2 ms precise timer while it runs.
/// A gap much longer than 2 ms is time the event loop did not get back (budget 16 ms).
class GuiGaps
{
public:
    GuiGaps()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(2);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] {
            m_gapsUs.append(m_clock.nsecsElapsed() / 1000);
            m_clock.restart();
        });
    }
    void start()
    {
        m_clock.start();
        m_ticker.start();
    }
    /// Stops ticking and sorts the gaps for maxMs() and p99Ms().
    void stop()
    {
        m_ticker.stop();
        std::sort(m_gapsUs.begin(), m_gapsUs.end());
    }
    qsizetype ticks() const { return m_gapsUs.size(); }
    double maxMs() const { return m_gapsUs.isEmpty() ? 0 : m_gapsUs.last() / 1000.0; }
    double p99Ms() const
    {
        return m_gapsUs.isEmpty() ? 0 : m_gapsUs.at(qsizetype(m_gapsUs.size() * 0.99)) / 1000.0;
    }

private:
    QList<qint64> m_gapsUs;
    QElapsedTimer m_clock;
    QTimer m_ticker;
};

} // namespace bench
