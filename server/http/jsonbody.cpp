#include "jsonbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace http {

namespace {
// PostgreSQL text cannot hold U+0000 (and Qt's QPSQL driver writes values into
// the statement text, where it ends the string): refuse it here, for every
// string field and both backends alike, before anything is stored.
const QString kNoNul = QStringLiteral("must not contain NUL (U+0000) characters");
bool hasNul(const QString &s) { return s.contains(QChar(u'\0')); }
}

std::optional<ApiError> JsonBody::parse(const QByteArray &raw, QJsonObject *out)
{
    if (raw.trimmed().isEmpty())
        return ApiError::invalidJson(QStringLiteral("the request body is empty; a JSON object is expected"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
    if (err.error != QJsonParseError::NoError)
        return ApiError::invalidJson(QStringLiteral("malformed JSON at offset %1: %2").arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        return ApiError::invalidJson(QStringLiteral("the request body must be a JSON object"));
    *out = doc.object();
    return std::nullopt;
}

std::optional<JsonBody> JsonBody::read(const QByteArray &raw, const std::function<void(const ApiError &)> &fail)
{
    QJsonObject obj;
    if (auto err = parse(raw, &obj)) {
        fail(*err);
        return std::nullopt;
    }
    return JsonBody(obj);
}

QString JsonBody::string(const QString &field, int minLength, int maxLength, bool required)
{
    if (!has(field)) {
        if (required)
            fail(field, QStringLiteral("is required"));
        return {};
    }
    const QJsonValue v = m_object.value(field);
    if (!v.isString()) {
        fail(field, QStringLiteral("must be a string"));
        return {};
    }
    const QString s = v.toString();
    if (hasNul(s)) {
        fail(field, kNoNul);
        return {};
    }
    if (s.size() < minLength) {
        fail(field, minLength == 1 ? QStringLiteral("must not be empty")
                                   : QStringLiteral("must be at least %1 characters").arg(minLength));
        return {};
    }
    if (s.size() > maxLength) {
        fail(field, QStringLiteral("must be at most %1 characters").arg(maxLength));
        return {};
    }
    return s;
}

qint64 JsonBody::integer(const QString &field, qint64 min, qint64 max, bool required, qint64 fallback)
{
    if (!has(field)) {
        if (required)
            fail(field, QStringLiteral("is required"));
        return fallback;
    }
    const QJsonValue v = m_object.value(field);
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d) {
        fail(field, QStringLiteral("must be an integer"));
        return fallback;
    }
    if (d < double(min) || d > double(max)) {
        fail(field, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return fallback;
    }
    return qint64(d);
}

QStringList JsonBody::stringList(const QString &field, int maxItems, bool required)
{
    if (!has(field)) {
        if (required)
            fail(field, QStringLiteral("is required"));
        return {};
    }
    const QJsonValue v = m_object.value(field);
    if (!v.isArray()) {
        fail(field, QStringLiteral("must be an array of strings"));
        return {};
    }
    const QJsonArray arr = v.toArray();
    if (arr.size() > maxItems) {
        fail(field, QStringLiteral("must have at most %1 items").arg(maxItems));
        return {};
    }
    QStringList out;
    for (const QJsonValue &item : arr) {
        if (!item.isString()) {
            fail(field, QStringLiteral("must be an array of strings"));
            return {};
        }
        if (hasNul(item.toString())) {
            fail(field, kNoNul);
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

} // namespace http
