#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEdge)   // "kliv.edge": connections, limits hit, shutdown
