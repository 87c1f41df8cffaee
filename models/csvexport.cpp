#include "csvexport.h"

#include "logging.h"
#include "transport.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace CsvExport {

QString pathOf(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

void fetchAndSave(Transport *transport, const QString &apiPath, const QUrlQuery &query, const QString &path,
                  QObject *context, const std::function<void(bool, const QString &)> &done)
{
    transport->getRaw(apiPath, query, context, [path, done](const ApiResult &r) {
        if (!r.ok())
            return done(false, r.error.message);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(r.body) != r.body.size() || !out.commit()) {
            qCWarning(lcModels) << "export failed" << path << out.errorString();
            return done(false, QCoreApplication::translate("CsvExport", "Filen %1 gick inte att spara.").arg(path));
        }
        done(true, {});
    });
}

} // namespace CsvExport
