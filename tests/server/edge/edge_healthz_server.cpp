// A bare EdgeServer answering {"status":"ok"}, to measure the edge's floor:
//   edge_healthz_server [port] & wrk -t1 -c16 -d4s --latency http://127.0.0.1:PORT/healthz
#include "edge/edgeserver.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    edge::EdgeServer server;
    server.setRequestHandler([](edge::HttpRequest &&, edge::ResponderPtr responder) {
        edge::HttpResponse r;
        r.headers = {{"Content-Type", "application/json"}};
        r.body = QByteArrayLiteral(R"({"status":"ok"})");
        responder->send(std::move(r));
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, argc > 1 ? quint16(atoi(argv[1])) : 0);
    if (!port)
        return 1;
    QTextStream(stdout) << port << Qt::endl;
    return app.exec();
}
