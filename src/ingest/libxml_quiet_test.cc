// Issue 8: libxml2 printed its own parser errors to stderr, beside Gongkai's messages. After
// InitLibxml() no libxml2 message reaches stderr on any thread; errors come back as Status.
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <string>
#include <thread>

#include "importers.h"

namespace gongkai::ingest_internal {
namespace {

// Parses malformed XML without XML_PARSE_NOERROR, the way that makes libxml2 report to stderr.
void ParseMalformed() {
  const std::string bad = "<a><b></a>&undefined;";
  xmlDocPtr doc = xmlReadMemory(bad.data(), static_cast<int>(bad.size()), "bad.xml", nullptr, 0);
  if (doc) xmlFreeDoc(doc);
}

TEST(LibxmlQuietTest, NoLibxmlMessageReachesStderr) {
  ::testing::internal::CaptureStderr();
  InitLibxml();
  ParseMalformed();
  std::thread other([] {
    InitLibxml();
    ParseMalformed();
  });
  other.join();
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace gongkai::ingest_internal
