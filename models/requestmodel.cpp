#include "requestmodel.h"

RequestModel::RequestModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_requests(this, [this] { Q_EMIT loadingChanged(); }, [this] { Q_EMIT errorChanged(); })
{
}
