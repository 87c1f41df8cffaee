#include "loadrunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

double LoadResult::percentileMs(double p) const
{
    if (latenciesNs.isEmpty())
        return 0;
    QList<qint64> sorted = latenciesNs;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype i = std::min<qsizetype>(sorted.size() - 1, qsizetype(std::ceil(p / 100.0 * sorted.size())) - 1);
    return sorted[std::max<qsizetype>(0, i)] / 1e6;
}

LoadResult runLoad(const QUrl &base, const LoadSpec &spec)
{
    LoadResult result;
    result.latenciesNs.reserve(int(std::min<qint64>(spec.maxRequests, 1000000)));
    std::vector<std::unique_ptr<HttpConnection>> conns;
    qint64 issued = 0;
    int busy = 0;
    QElapsedTimer timer;
    QEventLoop loop;
    auto sendNext = [&](HttpConnection *c) {
        if (issued >= spec.maxRequests || timer.elapsed() >= spec.maxMs)
            return false;
        c->send(spec.request(issued++));
        ++busy;
        return true;
    };
    for (int i = 0; i < spec.clients; ++i) {
        conns.push_back(std::make_unique<HttpConnection>(base));
        HttpConnection *c = conns.back().get();
        QObject::connect(c, &HttpConnection::finished, c, [&, c](const HttpReply &r) {
            --busy;
            if (spec.ok(r)) {
                ++result.requests;
                result.latenciesNs.append(r.elapsedNs);
            } else {
                ++result.failures;
                if (result.firstFailure.isEmpty())
                    result.firstFailure = r.describe().left(300);
            }
            if (!sendNext(c) && busy == 0)
                loop.quit();
        });
    }
    // Every answer comes back within the time limit plus a grace period, or the run ends anyway.
    QTimer::singleShot(spec.maxMs + 30000, &loop, &QEventLoop::quit);
    timer.start();
    for (auto &c : conns)
        sendNext(c.get());
    if (busy > 0)
        loop.exec();
    result.seconds = timer.nsecsElapsed() / 1e9;
    result.events = result.requests * spec.eventsPerRequest;
    for (auto &c : conns) {
        if (c->busy()) {
            QObject::disconnect(c.get(), nullptr, nullptr, nullptr);
            c->abort();
            ++result.failures;
            if (result.firstFailure.isEmpty())
                result.firstFailure = QStringLiteral("no answer within %1 s").arg((spec.maxMs + 30000) / 1000);
        }
    }
    return result;
}
