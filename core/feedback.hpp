#pragma once

#include "cases.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// Information that arrives without a case: a blog post by "Rant112", a
// traffic spike, a competitor's discounting. It may be anonymous (no
// contact), may come from an influencer, and runs the case workflow.
struct FeedbackInput {
  std::string text;
  std::string title;      // default: the text's first line, shortened
  std::string source;     // default "other"
  std::string sentiment;  // default "neutral"
  std::vector<std::string> topics;
  std::string influencer;  // screen name, or contact ID or prefix
  // An influencer to create with the feedback (mutually exclusive with `influencer`).
  std::string new_influencer;
  std::vector<std::string> new_influencer_urls;
  std::string contact;  // ID or prefix
  std::string department;  // default: routing rules
  std::string handler;
  std::string note;  // for the `opened` entry
};

struct AddedFeedback {
  OpenedCase opened;
  std::string new_influencer;  // the contact ID created, if any
};

// Stages the feedback (and a new influencer), routes it like a case
// (rules may match its source, topics, sentiment and words) and tells the
// department's queue or the handler.
AddedFeedback add_feedback(const Context& ctx, Transaction& tx, const FeedbackInput& input);

// `contact` matches the feedback's contact or its influencer.
struct FeedbackFilter : WorkFilter {
  std::string source;
  std::string sentiment;
  std::string topic;
  std::string influencer;  // contact ID
};

// Feedback matching `filter`, newest first.
std::vector<Record> list_feedback(const Store& store, const FeedbackFilter& filter);

// The text's first non-blank line, trimmed and cut to at most `max_chars`
// characters with "…".
std::string title_from_text(const std::string& text, std::size_t max_chars = 80);

}  // namespace crm
