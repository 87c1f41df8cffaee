#pragma once
// The server's configuration file and environment (an installed server is set
// up in /etc/kliv/billingd.conf). Precedence: command line, then environment,
// then the file, then the built-in defaults.
#include <QString>
#include <QStringList>

namespace app {

// The file: `--config FILE` (taken out of *args), else $KLIV_BILLINGD_CONFIG,
// else /etc/kliv/billingd.conf when it exists. Returns the options it and the
// environment give, as command-line arguments to put before the real ones (so
// those win), e.g. {"--port", "8080", "--data", "/var/lib/kliv-billingd"}.
// Stripe's secrets are never in the file: it names files that hold them
// (secret_key_file, webhook_secret_file), exported as STRIPE_*_FILE unless the
// environment sets them. false with *error on an unreadable file, an unknown
// key or a bad value.
bool loadServerConfig(QStringList *args, QStringList *configArgs, QString *usedFile, QString *error);

// A secret from the environment: NAME, or the contents of the file NAME_FILE
// (trailing whitespace dropped). Empty when neither is set; *error when the
// file cannot be read.
QByteArray secretFromEnvironment(const char *name, QString *error);

inline constexpr auto kDefaultConfigFile = "/etc/kliv/billingd.conf";

} // namespace app
