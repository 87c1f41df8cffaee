#pragma once
#include <functional>

class QQmlApplicationEngine;
class QQuickWindow;

// Loads the app's window (Main.qml) without blocking the event loop while its
// QML compiles: the types compile on the QML type loader's thread, and
// meanwhile this thread answers the keyring, sends the token refresh and
// fetches the balance that Session::restore() started. Then the window is
// created here, already signed in when the network was quicker. The engine
// gets the qrc:/ import path and becomes AppSettings' engine (retranslation).
// `done` gets the window, or nullptr when the QML failed to load.
namespace WindowLoader {
// Before Session::restore(): creates what should work while the QML compiles,
// not when the QML first names it: the credit meter (it asks for the balance
// as soon as there is a token) and the desktop notifier (its D-Bus checks).
void prepare();
void load(QQmlApplicationEngine *engine, std::function<void(QQuickWindow *)> done);
}
