#include "estimate/notes.h"

#include <gtest/gtest.h>

#include "estimate/estimate.h"
#include "sample.h"

namespace djcost {
namespace {

const StrategyEstimate& Find(const Estimate& e, const std::string& id) {
  for (const auto& s : e.strategies) {
    if (s.id == id) return s;
  }
  static const StrategyEstimate none;
  return none;
}

TEST(AddNotesTest, SplitWithoutHotSetSaysItEqualsTheHybrid) {
  Estimate e = EstimateCosts(testing::SampleInventory(), testing::SampleRules(), {});
  const StrategyEstimate& split = Find(e, "split");
  ASSERT_EQ(split.notes.size(), 2u);
  EXPECT_EQ(split.notes[0],
            "No --hot pattern or --traffic file was given (or the traffic reached no API "
            "endpoint), so the split covers every API endpoint and costs the same as the hybrid.");
  EXPECT_TRUE(Find(e, "stay").notes.empty());
}

TEST(AddNotesTest, RewriteNamesWhatItCountsTwiceAndTheSeedCrossCheck) {
  Estimate e = EstimateCosts(testing::SampleInventory(), testing::SampleRules(), {});
  const StrategyEstimate& rewrite = Find(e, "rewrite");
  // Likely items of the sample: code 12 x 0.3 = 3.6, admin 4.5, customisations 4 x 0.1 = 0.4,
  // models 4 x 0.4 = 1.6, receivers 4 x 0.1 = 0.4, custom signals 1 x 0.2 = 0.2, pages
  // 3 x 0.2 = 0.6, Celery 0.1, raw SQL 0.1, auth 2, tests 3 x 0.4 = 1.2: 14.7 in all, of which
  // admin, customisations, models, receivers, custom signals and auth make 9.1.
  ASSERT_EQ(rewrite.notes.size(), 2u);
  EXPECT_EQ(rewrite.notes[0],
            "Counted twice on purpose: seeds/000's per-kLoC range already includes rebuilding "
            "auth, the admin, migrations and signals, yet admin replaced, ModelAdmin "
            "customisations rebuilt, models rebuilt on SQLAlchemy and Alembic, signal receivers "
            "made explicit, custom signals replaced by explicit calls, auth and sessions rebuilt "
            "are priced on top of it (9.1 of the likely 14.7 engineer-weeks), because a line "
            "count does not see them. Read the kLoC figure as all-inclusive and the likely total "
            "would be 5.6; set those rates to 0 to price it that way.");
  EXPECT_EQ(rewrite.notes[1].rfind("Cross-check: P50 ", 0), 0u);
  EXPECT_NE(rewrite.notes[1].find(" is above the 2-4 weeks seeds/001"), std::string::npos);
}

TEST(AddNotesTest, SeedCrossCheckWithoutTests) {
  Inventory inv;
  std::vector<StrategyEstimate> s(1);
  s[0].id = "hybrid";
  s[0].items.resize(1);
  s[0].p50 = 3;
  AddNotes(inv, "hot set: 1 pattern", &s);
  ASSERT_EQ(s[0].notes.size(), 1u);
  EXPECT_EQ(s[0].notes[0],
            "Cross-check: P50 3.0 engineer-weeks is within the 2-4 weeks seeds/001 (RunxBuild "
            "blog) gives for most successful migrations of a service that has tests; this "
            "repository has no test code, so expect the upper end or more.");
}

}  // namespace
}  // namespace djcost
