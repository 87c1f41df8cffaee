#pragma once
// A CSV the server makes (usage.csv, audit.csv), fetched through the transport
// and written where the save dialog said: all of it (QSaveFile) or nothing.
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QObject;
class Transport;

namespace CsvExport {

// The save dialog's answer as a local path ("" when there is none).
QString pathOf(const QUrl &file);
// done(ok, message): message is the failure, translated ("" on success).
void fetchAndSave(Transport *transport, const QString &apiPath, const QUrlQuery &query, const QString &path,
                  QObject *context, const std::function<void(bool ok, const QString &message)> &done);

} // namespace CsvExport
