#pragma once
// Random tokens, token hashes, PKCE and password hashing. Tokens are random
// 32 bytes in base64url (the store keeps only their SHA-256). Passwords are
// Argon2id (libsodium crypto_pwhash_str).
#include <QByteArray>
#include <QString>

namespace http::secrets {

bool init();                                    // sodium_init(); false if libsodium is unusable
QString randomToken();                          // 32 random bytes, base64url without padding
QString pkceS256(const QString &verifier);      // base64url-nopad(SHA-256(verifier))
bool isValidPkceVerifier(const QString &verifier); // RFC 7636: 43..128 of [A-Za-z0-9-._~]
QString hashPassword(const QString &password);  // empty on failure (out of memory)
bool verifyPassword(const QString &hash, const QString &password);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace http::secrets
