#pragma once
// The live channel's sequence rule, shared by the server's tests and the
// desktop client (api/openapi.yaml, LiveMessage; the cases in
// api/live-protocol.json are the expectation both sides are tested against).
//
// seq is a workspace's change counter: every stored change (usage, balance,
// subscription) is announced with the previous seq + 1, across instances.
// hello and snapshot balances (a refill because the clock crossed midnight or
// a period end, a push after a payment) carry the current seq: they repeat it.
#include <QString>

namespace liveprotocol {

enum class Action {
    Apply,     // take the message's data; it is the next change or a snapshot of now
    Ignore,    // already seen (an older seq, or a change repeated)
    Refetch,   // changes were missed: take the data, then refetch what they would have told
};

// last: the seq of the last message taken (-1 before the first hello).
inline Action classify(qint64 last, const QString &type, qint64 seq)
{
    if (seq < 0)
        return Action::Ignore;
    if (type == QLatin1String("hello"))
        return last >= 0 && seq != last ? Action::Refetch : Action::Apply;
    if (last < 0 || seq == last + 1)
        return Action::Apply;
    if (seq > last + 1)
        return Action::Refetch;
    // seq <= last: a snapshot of the current state repeats the seq; anything older is stale.
    return seq == last && type == QLatin1String("balance") ? Action::Apply : Action::Ignore;
}

// Why the server closed a socket (WebSocket close codes, api/openapi.yaml
// LiveCloseCode). The server checks each socket's authority every second.
enum CloseCode : quint16 {
    SessionRevoked = 4401,     // the token was revoked (signed out elsewhere, reuse): sign out
    MembershipEnded = 4403,    // no longer a member of this workspace
    TokenExpired = 4408,       // the access token expired: reconnect with a fresh one
    RoleChanged = 4409,        // the member's role changed: refetch the workspace, reconnect
};

// What the client does with a close code: sign out, or reconnect at once (no backoff).
enum class CloseAction { Reconnect, ReconnectNow, SignOut, LeaveWorkspace };
inline CloseAction closeAction(int code)
{
    switch (code) {
    case SessionRevoked: return CloseAction::SignOut;
    case MembershipEnded: return CloseAction::LeaveWorkspace;
    case TokenExpired:
    case RoleChanged: return CloseAction::ReconnectNow;
    default: return CloseAction::Reconnect;
    }
}

inline const char *actionName(Action a)
{
    switch (a) {
    case Action::Apply: return "apply";
    case Action::Ignore: return "ignore";
    case Action::Refetch: return "refetch";
    }
    return "?";
}

} // namespace liveprotocol
