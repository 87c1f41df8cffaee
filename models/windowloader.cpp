#include "windowloader.h"

#include "appsettings.h"
#include "creditmeter.h"
#include "desktopnotifier.h"
#include "startuptrace.h"

#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QUrl>
#include <memory>
#include <utility>

namespace WindowLoader {

void prepare()
{
    CreditMeter::instance();
    DesktopNotifier::instance();
}

void load(QQmlApplicationEngine *engine, std::function<void(QQuickWindow *)> done)
{
    const QUrl url(QStringLiteral("qrc:/Kliv/Konto/qml/Main.qml"));
    engine->addImportPath(QStringLiteral("qrc:/"));
    AppSettings::instance()->setEngine(engine);
    StartupTrace::mark(QStringLiteral("qml.compile"));
    // Held until the window exists: the engine's type cache keeps the compiled
    // types only while something refers to them.
    auto *warm = new QQmlComponent(engine, url, QQmlComponent::Asynchronous, engine);
    auto create = [engine, warm, url, done] {
        StartupTrace::mark(QStringLiteral("qml.compiled"));
        // QQmlApplicationEngine installs Qt's own catalogue for the default
        // locale once, on its first load, and never changes it; AppSettings
        // installs it per language instead (the language can change at run time).
        QLocale::setDefault(QLocale::c());
        StartupTrace::mark(QStringLiteral("engine.load"));
        engine->load(url);
        StartupTrace::mark(QStringLiteral("engine.loaded"));
        QLocale::setDefault(AppSettings::instance()->locale());
        warm->deleteLater();
        const QList<QObject *> roots = engine->rootObjects();
        done(roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.constFirst()));
    };
    if (!warm->isLoading()) {
        create();
        return;
    }
    auto created = std::make_shared<bool>(false);
    QObject::connect(warm, &QQmlComponent::statusChanged, engine, [create, created](QQmlComponent::Status status) {
        if (status != QQmlComponent::Loading && !std::exchange(*created, true))
            create();
    });
}

}
