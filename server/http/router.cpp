#include "router.h"

namespace http {

void Router::add(QHttpServerRequest::Method method, const QString &pattern, Auth auth, Handler handler, Runs runs)
{
    Route r{method, pattern, auth, std::move(handler), runs, {}, {}};
    static const QRegularExpression param(QStringLiteral("\\{([a-z_]+)\\}"));
    QString re = QStringLiteral("^");
    qsizetype last = 0;
    for (auto it = param.globalMatch(pattern); it.hasNext();) {
        const auto m = it.next();
        re += QRegularExpression::escape(pattern.mid(last, m.capturedStart() - last));
        re += QStringLiteral("([^/]+)");
        r.names.append(m.captured(1));
        last = m.capturedEnd();
    }
    re += QRegularExpression::escape(pattern.mid(last)) + QStringLiteral("$");
    r.re = QRegularExpression(re);
    m_routes.append(std::move(r));
}

Router::Match Router::match(QHttpServerRequest::Method method, const QString &path,
                            QHash<QString, QString> *params) const
{
    Match result;
    for (const Route &r : m_routes) {
        const auto m = r.re.match(path);
        if (!m.hasMatch())
            continue;
        if (r.method != method) {
            result.pathKnown = true;
            continue;
        }
        for (int i = 0; i < r.names.size(); ++i)
            params->insert(r.names.at(i), m.captured(i + 1));
        result.route = &r;
        return result;
    }
    return result;
}

} // namespace http
