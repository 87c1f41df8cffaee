#pragma once
// The emulator's state: every Stripe object as a JSON document in SQLite
// (DIR/stripe-emulator.sqlite), plus idempotency records, events, webhook
// deliveries and the emulator clock. Survives restarts.
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

class Store
{
public:
    ~Store();
    bool open(const QString &dir, QString *error);

    void begin();
    void commit();
    void rollback();

    static QString newId(const QString &prefix); // prefix + 24 random base62 characters

    QJsonObject get(const QString &id) const; // empty when unknown
    // Insert or replace; `ref` is a secondary key (an invoice's subscription, ...).
    void put(const QJsonObject &obj, const QString &ref = {});
    // Newest first. Empty filters match everything.
    QList<QJsonObject> list(const QString &type, const QString &customer = {},
                            const QString &ref = {}) const;

    std::optional<qint64> metaInt(const QString &key) const;
    void setMetaInt(const QString &key, std::optional<qint64> value);

    struct Idempotent {
        QByteArray fingerprint;
        int status = 0;
        QByteArray body;
    };
    std::optional<Idempotent> idempotent(const QString &key) const;
    void putIdempotent(const QString &key, const Idempotent &record);

    void addEvent(const QJsonObject &event, bool deliver);
    QList<QJsonObject> events(const QString &type = {}) const; // newest first
    struct Delivery {
        QString eventId;
        int attempts = 0;
        qint64 nextAtMs = 0;
        QByteArray payload;
    };
    std::optional<Delivery> nextDelivery() const; // the earliest pending one
    void deliveryDone(const QString &eventId, int attempts, bool success, qint64 nextAtMs,
                      bool giveUp);

private:
    void exec(const QString &sql) const;
    QSqlDatabase db() const;
    QString m_connection;
};
