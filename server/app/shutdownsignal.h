#pragma once
// SIGTERM and SIGINT as a Qt signal (a self-pipe: the handler only writes a
// byte; everything else runs on the event loop), for a graceful stop.
#include <QObject>
#include <QSocketNotifier>

namespace app {

class ShutdownSignal : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignal(QObject *parent = nullptr);
    ~ShutdownSignal() override;

Q_SIGNALS:
    void requested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace app
