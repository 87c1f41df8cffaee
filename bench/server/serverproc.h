#pragma once
// The running kliv-billingd's memory, from /proc: the fixture's child process
// that listens (the admin commands are children too, but end before we look).
#include <QtGlobal>

qint64 findServerPid();                          // -1 when there is none
qint64 procStatusKb(qint64 pid, const char *field); // "VmRSS", "VmHWM"; -1 on failure
