#include "benchreport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <cstdio>

namespace {
const char *verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Met: return "MET";
    case Verdict::Missed: return "MISSED";
    case Verdict::None: break;
    }
    return "-";
}

QString ratioText(double r)
{
    return r < 0 ? QStringLiteral("-") : QStringLiteral("%1x").arg(r, 0, 'f', r < 10 ? 2 : 1);
}
} // namespace

void benchProgress(const QString &message)
{
    static QElapsedTimer t;
    if (!t.isValid())
        t.start();
    std::fprintf(stderr, "[bench %6.1fs] %s\n", t.elapsed() / 1000.0, qPrintable(message));
}

void BenchReport::beginTable(const QString &title)
{
    m_tables.append(Table{title, {}});
}

void BenchReport::add(const BenchRow &row)
{
    if (m_tables.isEmpty())
        beginTable(QStringLiteral("results"));
    m_tables.last().rows.append(row);
    benchProgress(QStringLiteral("%1: %2 | floor %3 | %4 %5%6")
                      .arg(row.scenario, row.measured, row.floor, ratioText(row.ratio), QString::fromLatin1(verdictText(row.verdict)),
                           row.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(row.note)));
}

void BenchReport::print() const
{
    std::printf("\nkliv-billingd benchmarks, loopback, wrk -t1 (%s)\n",
                qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    for (const Table &t : m_tables) {
        std::printf("\n%s\n", qPrintable(t.title));
        std::printf("  %-40s %-38s %-36s %7s  %-26s %s\n", "scenario", "measured", "floor (same run)", "ratio", "target", "");
        for (const BenchRow &r : t.rows) {
            std::printf("  %-40s %-38s %-36s %7s  %-26s %s\n", qPrintable(r.scenario), qPrintable(r.measured),
                        qPrintable(r.floor.isEmpty() ? QStringLiteral("-") : r.floor), qPrintable(ratioText(r.ratio)),
                        qPrintable(r.target.isEmpty() ? QStringLiteral("-") : r.target), verdictText(r.verdict));
            if (!r.note.isEmpty())
                std::printf("  %-40s %s\n", "", qPrintable(r.note));
        }
    }
    std::fflush(stdout);
}
