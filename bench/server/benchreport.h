#pragma once
// BenchReport: the figures of one run, one table per backend, each figure
// beside its floor (measured in the same run) and the ratio between them.
#include <QList>
#include <QString>

enum class Verdict { None, Met, Missed };

struct BenchRow {
    QString scenario;
    QString measured;          // e.g. "12345 ev/s  p50 1.20  p99 4.80 ms"
    QString floor;             // e.g. "healthz x16 40000 req/s p99 0.9 ms", or "-"
    double ratio = -1;         // measured / floor (rates), < 0: none
    QString target;            // e.g. ">= 0.5x floor, p99 < 20 ms"
    Verdict verdict = Verdict::None;
    QString note;
};

class BenchReport
{
public:
    void beginTable(const QString &title);
    void add(const BenchRow &row);      // also echoed to stderr as progress
    void print() const;                 // the tables, to stdout
    static Verdict verdict(bool met) { return met ? Verdict::Met : Verdict::Missed; }

private:
    struct Table {
        QString title;
        QList<BenchRow> rows;
    };
    QList<Table> m_tables;
};

// "[bench  12.3s] message" on stderr.
void benchProgress(const QString &message);
