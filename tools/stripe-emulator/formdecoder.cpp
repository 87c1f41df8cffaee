#include "formdecoder.h"

#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <map>
#include <memory>

namespace {

struct Node {
    bool isLeaf = false;
    QJsonValue leaf;
    std::map<QString, std::unique_ptr<Node>> children; // key order resolved at conversion
    int appended = 0;                                  // for a[]=v
};

bool isIndex(const QString &k)
{
    if (k.isEmpty() || k.size() > 6)
        return false;
    for (QChar c : k)
        if (!c.isDigit())
            return false;
    return true;
}

QJsonValue toJson(const Node &n)
{
    if (n.isLeaf)
        return n.leaf;
    bool allIndex = !n.children.empty();
    for (const auto &[k, _] : n.children)
        allIndex = allIndex && isIndex(k);
    if (allIndex) {
        std::map<int, const Node *> ordered;
        for (const auto &[k, c] : n.children)
            ordered[k.toInt()] = c.get();
        QJsonArray a;
        for (const auto &[_, c] : ordered)
            a.append(toJson(*c));
        return a;
    }
    QJsonObject o;
    for (const auto &[k, c] : n.children)
        o.insert(k, toJson(*c));
    return o;
}

QString decodePart(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

QStringList splitName(const QString &name)
{
    const auto bad = [&] {
        return ApiError::invalid(name, QStringLiteral("Invalid parameter name: %1").arg(name));
    };
    const qsizetype open = name.indexOf('[');
    QStringList parts{open < 0 ? name : name.left(open)};
    if (parts.first().isEmpty())
        throw bad();
    qsizetype i = open;
    while (i >= 0 && i < name.size()) {
        if (name.at(i) != '[')
            throw bad();
        const qsizetype close = name.indexOf(']', i);
        if (close < 0)
            throw bad();
        parts.append(name.mid(i + 1, close - i - 1));
        i = close + 1;
    }
    return parts;
}

} // namespace

QJsonObject FormDecoder::decode(const QByteArray &encoded)
{
    Node root;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString name = decodePart(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decodePart(pair.mid(eq + 1));
        const QStringList parts = splitName(name);
        Node *n = &root;
        for (int i = 0; i < parts.size(); ++i) {
            QString key = parts.at(i);
            if (n->isLeaf)
                throw ApiError::invalid(name, QStringLiteral("Conflicting values for %1").arg(name));
            if (key.isEmpty()) // a[]=v appends
                key = QString::number(n->appended++);
            auto &child = n->children[key];
            if (!child)
                child = std::make_unique<Node>();
            n = child.get();
        }
        if (n->isLeaf || !n->children.empty())
            throw ApiError::invalid(name, QStringLiteral("Conflicting values for %1").arg(name));
        n->isLeaf = true;
        n->leaf = value.isEmpty() ? QJsonValue() : QJsonValue(value);
    }
    return root.children.empty() ? QJsonObject() : toJson(root).toObject();
}

QByteArray FormDecoder::canonical(const QJsonObject &params)
{
    // QJsonObject keeps keys sorted, so compact JSON is already canonical.
    return QJsonDocument(params).toJson(QJsonDocument::Compact);
}
