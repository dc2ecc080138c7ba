// Finds signal receivers (@receiver, signal.connect, also inside AppConfig.ready)
// with their signal and sender, and custom Signal() definitions with their send
// sites. Input: ProjectIndex, Apps; output: sorted receivers and custom signals.
#pragma once

#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"

namespace djcost {

struct SignalInventory {
  std::vector<SignalReceiver> receivers;
  std::vector<CustomSignal> custom_signals;
};

SignalInventory FindSignals(const ProjectIndex& index, const Apps& apps,
                            std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
