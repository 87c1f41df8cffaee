#pragma once
#include "requesttracker.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QUrl>

// The current workspace's plan and subscription, and every plan change. The
// outcome of a payment is learnt from the server (and its live channel), never
// from a browser redirect.
class Subscription : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString tier READ tier NOTIFY changed)
    Q_PROPERTY(QString tierName READ tierName NOTIFY changed)
    Q_PROPERTY(QString planKind READ planKind NOTIFY changed)
    Q_PROPERTY(QDateTime periodEnd READ periodEnd NOTIFY changed)
    Q_PROPERTY(QString periodEndText READ periodEndText NOTIFY changed)
    Q_PROPERTY(bool cancelAtPeriodEnd READ cancelAtPeriodEnd NOTIFY changed)
    Q_PROPERTY(QString pendingTier READ pendingTier NOTIFY changed)
    Q_PROPERTY(QString pendingTierName READ pendingTierName NOTIFY changed)
    Q_PROPERTY(QString pendingEffectiveAtText READ pendingEffectiveAtText NOTIFY changed)
    Q_PROPERTY(bool hasPendingChange READ hasPendingChange NOTIFY changed)
    Q_PROPERTY(bool pastDue READ pastDue NOTIFY changed)
    Q_PROPERTY(int seatsUsed READ seatsUsed NOTIFY changed)
    Q_PROPERTY(int seatLimit READ seatLimit NOTIFY changed)
    Q_PROPERTY(QStringList entitlements READ entitlements NOTIFY changed)
    Q_PROPERTY(bool managedBySales READ managedBySales NOTIFY changed)
    // The workspace's latest request to sales, as the server has it: when it was received and
    // whether sales has handled it ("" when none).
    Q_PROPERTY(QString inquiryText READ inquiryText NOTIFY inquiryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The last plan action's error (preview, change, cancel, undo, inquiry); the
    // portal's is portalError. Each goes with the next action and on a page change.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString portalError READ portalError NOTIFY errorChanged)
    // What the last plan action did, from the server's answer, with its receipt.
    Q_PROPERTY(QString outcomeText READ outcomeText NOTIFY outcomeChanged)
    Q_PROPERTY(QUrl outcomeUrl READ outcomeUrl NOTIFY outcomeChanged)
    Q_PROPERTY(QUrl pendingUrl READ pendingUrl NOTIFY pendingUrlChanged)

public:
    static Subscription *instance();
    static Subscription *create(QQmlEngine *, QJSEngine *);

    QString status() const { return m_status; }
    QString tier() const { return m_tier; }
    QString tierName() const;
    QString planKind() const;
    QDateTime periodEnd() const { return m_periodEnd; }
    QString periodEndText() const;
    bool cancelAtPeriodEnd() const { return m_cancelAtPeriodEnd; }
    QString pendingTier() const { return m_pendingTier; }
    QString pendingTierName() const;
    QString pendingEffectiveAtText() const;
    QDateTime pendingEffectiveAt() const { return m_pendingEffectiveAt; }
    bool hasPendingChange() const { return !m_pendingTier.isEmpty() || m_cancelAtPeriodEnd; }
    bool pastDue() const { return m_status == QLatin1String("past_due"); }
    int seatsUsed() const { return m_seatsUsed; }
    int seatLimit() const { return m_seatLimit; } // 0 = unlimited
    QStringList entitlements() const { return m_entitlements; }
    bool managedBySales() const;
    QString inquiryText() const;
    Q_INVOKABLE void loadInquiry();
    bool busy() const { return m_actions.loading() || m_portal.loading(); }
    QString error() const { return m_actions.error(); }
    QString portalError() const { return m_portal.error(); }
    QString outcomeText() const { return m_outcomeText; }
    QUrl outcomeUrl() const { return m_outcomeUrl; }
    QUrl pendingUrl() const { return m_pendingUrl; }
    const QJsonObject &workspace() const { return m_workspace; }
    // Where the plan and its actions are asked for: the session's transport unless one is given.
    void setTransport(Transport *transport)
    {
        m_actions.setTransport(transport);
        m_portal.setTransport(transport);
    }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void preview(const QString &tier);
    Q_INVOKABLE void change(const QString &tier);
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void openPortal();
    Q_INVOKABLE void sendEnterpriseInquiry(const QString &contact, int seats, const QString &message);
    // Errors and outcomes belong to the page that caused them: gone on a page change.
    Q_INVOKABLE void clearMessages();

    // The exact sentence the confirmation dialog shows for a server preview.
    QString confirmationText(const QJsonObject &preview) const;
    // The dialog's line on the price from the next cycle (downgrade, cancel) and
    // on a pending cancellation (upgrade), from the same preview; "" when none.
    QString nextCycleText(const QJsonObject &preview) const;
    QString pendingCancellationText(const QJsonObject &preview) const;

Q_SIGNALS:
    void changed();
    void busyChanged();
    void errorChanged();
    void outcomeChanged();
    void pendingUrlChanged();
    void previewReady(const QString &kind, const QString &tier, const QString &confirmationText,
                      const QString &confirmButtonText, const QString &amountDueText, const QString &effectiveAtText,
                      const QString &nextCycleText, const QString &pendingCancellationText);
    // A change went through on the server (or Checkout opened in the browser).
    void changeDone(const QString &kind);
    void checkoutOpened(const QUrl &url);
    void portalOpened(const QUrl &url);
    void inquirySent();
    void inquiryChanged();

private:
    explicit Subscription(QObject *parent = nullptr);
    void apply(const QJsonObject &workspace, bool fromCache = false);
    enum class Action { Plan, Portal };
    void takeInquiry(const QJsonObject &inquiry);
    void post(const QString &path, const QJsonObject &body, std::function<void(const QJsonObject &)> ok,
              Action action = Action::Plan);
    void setOutcome(const QString &text, const QUrl &url = {});
    void findReceipt(const QString &tier);
    void openInBrowser(const QUrl &url);
    RequestTracker &requests(Action action) { return action == Action::Portal ? m_portal : m_actions; }
    void showCached();

    QJsonObject m_workspace;
    QString m_status, m_tier, m_pendingTier;
    QDateTime m_periodEnd, m_pendingEffectiveAt;
    bool m_cancelAtPeriodEnd = false;
    int m_seatsUsed = 0, m_seatLimit = 0;
    QStringList m_entitlements;
    QDateTime m_inquiryAt, m_inquiryHandledAt;   // the latest request to sales
    QString m_outcomeText;
    QUrl m_outcomeUrl;
    QUrl m_pendingUrl;
    bool m_awaitingBrowser = false;
    QString m_checkoutTier;                 // Checkout opened for it: say so once the server has it
    QJsonObject m_preview;                  // the last preview (its quoted_at goes back with the change)
    // One action at a time (busy): the plan's (error) or the portal's (portalError).
    RequestTracker m_actions, m_portal;
};
