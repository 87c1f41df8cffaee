#pragma once
// Strict reading of a JSON request body: the body must be one JSON object,
// every field has the declared type and range, and every offending field is
// reported (validation_failed with "fields"). No string holds U+0000.
#include "apierror.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace http {

class JsonBody
{
public:
    // Parses `raw` as a JSON object. On failure returns the error to answer.
    static std::optional<ApiError> parse(const QByteArray &raw, QJsonObject *out);

    // The request's body as a JsonBody; nullopt after answering invalid_json.
    static std::optional<JsonBody> read(const QByteArray &raw, const std::function<void(const ApiError &)> &fail);

    explicit JsonBody(QJsonObject object) : m_object(std::move(object)) {}

    bool has(const QString &field) const { return m_object.contains(field) && !m_object.value(field).isNull(); }
    QString string(const QString &field, int minLength = 1, int maxLength = 200, bool required = true);
    qint64 integer(const QString &field, qint64 min, qint64 max, bool required = true, qint64 fallback = 0);
    QStringList stringList(const QString &field, int maxItems, bool required = true);
    QJsonObject object() const { return m_object; }

    void fail(const QString &field, const QString &message) { m_errors.append({field, message}); }
    bool ok() const { return m_errors.isEmpty(); }
    ApiError error() const { return ApiError::validation(m_errors); }
    const QList<FieldError> &errors() const { return m_errors; }

private:
    QJsonObject m_object;
    QList<FieldError> m_errors;
};

} // namespace http
