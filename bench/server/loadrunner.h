#pragma once
// Drives N keep-alive connections, each sending its next request as soon as
// the previous answer arrived, until a request count or a time limit is hit.
#include "httpconnection.h"

#include <QList>
#include <QUrl>
#include <functional>

struct LoadResult {
    qint64 requests = 0;        // answered as expected
    qint64 failures = 0;        // wrong status or no answer
    qint64 events = 0;          // requests * events per request
    double seconds = 0;
    QList<qint64> latenciesNs;  // one per answered request
    QString firstFailure;

    double perSecond() const { return seconds > 0 ? events / seconds : 0; }
    double percentileMs(double p) const;
};

struct LoadSpec {
    int clients = 1;
    qint64 maxRequests = 1000;
    int maxMs = 5000;
    int eventsPerRequest = 1;
    std::function<QByteArray(qint64 index)> request;   // raw bytes for the index-th request
    std::function<bool(const HttpReply &)> ok;         // the answer is what was asked for
};

LoadResult runLoad(const QUrl &base, const LoadSpec &spec);
