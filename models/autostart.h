#pragma once
#include <QString>

// "Starta vid inloggning": an XDG autostart entry, which GNOME, KDE, Xfce and the
// other desktops following the XDG Autostart spec start at login. The file's
// existence is the setting: a user who deletes it has switched it off.
namespace Autostart {
// $XDG_CONFIG_HOME/autostart/se.kliv.konto.desktop ($HOME/.config when unset or relative).
QString entryPath();
bool isEnabled();
// The entry starting `program` (an absolute path, quoted as the Desktop Entry spec says).
QString entry(const QString &program);
// Write or remove the entry; false with *error (for the user) when the file system says no.
bool enable(const QString &program, QString *error);
bool disable(QString *error);
}
