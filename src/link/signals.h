// Finds signal receivers (@receiver, signal.connect, also inside AppConfig.ready)
// with their signal and sender, and custom Signal() definitions with their send
// sites. Input: ProjectIndex, Settings, Apps; output: sorted receivers and custom
// signals.
#pragma once

#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

struct SignalInventory {
  std::vector<SignalReceiver> receivers;
  std::vector<CustomSignal> custom_signals;
};

/// Receivers are one per (signal, handler, sender) connection; connections made
/// in test files are left out (Django never imports tests when it runs). A
/// `.connect(...)` counts when its object resolves to a built-in or repo signal,
/// or when it names a handler function of the repo (third-party signals): so
/// `db.connect()` and `socket.connect(addr)` are not receivers. `settings`
/// resolves `sender=settings.AUTH_USER_MODEL`.
SignalInventory FindSignals(const ProjectIndex& index, const Settings& settings,
                            const Apps& apps, std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
