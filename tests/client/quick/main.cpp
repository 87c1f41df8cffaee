// Qt Quick Test entry point with a QApplication: Qt Charts needs one, and
// QUICK_TEST_MAIN would create a QGuiApplication.
#include <QApplication>
#include <QtQuickTest>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tst_quick_components"));
    return quick_test_main_with_setup(argc, argv, "tst_quick_components", QUICK_TEST_SOURCE_DIR, nullptr);
}
