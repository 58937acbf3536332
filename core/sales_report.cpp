#include "sales_report.hpp"

#include "deals.hpp"
#include "feedback_report.hpp"

#include <algorithm>

namespace crm {
namespace {

// The time of the deal's last `event` entry ("won", "lost"), if any.
std::optional<Timestamp> last_event(const Record& d, const std::string& event) {
  const std::string& at = d.get(event);
  return at.empty() ? std::nullopt : parse_stored_time(at);
}

bool ends_by(const Period& p, Timestamp t) { return t < p.until || (p.through && t == p.until); }

std::vector<ClvRow> ranked(std::map<std::pair<std::string, std::string>, ClvRow> rows, std::size_t top) {
  std::vector<ClvRow> out;
  for (auto& [key, row] : rows) {
    out.push_back(row);
  }
  std::stable_sort(out.begin(), out.end(), [](const ClvRow& a, const ClvRow& b) {
    return a.cents != b.cents ? a.cents > b.cents : a.who != b.who ? a.who < b.who : a.currency < b.currency;
  });
  if (top > 0 && out.size() > top) {
    out.resize(top);
  }
  return out;
}

}  // namespace

SalesReport sales_report(const std::vector<Record>& deals, const SalesReportOptions& o) {
  std::map<std::pair<std::string, std::string>, SellerRow> sellers;  // (group, currency)
  std::map<std::pair<std::string, std::string>, std::vector<long long>> cycles;
  std::map<std::pair<std::string, std::string>, MixRow> mix;  // (bucket, currency)
  std::map<std::pair<std::string, std::string>, ClvRow> contacts, orgs;
  for (const auto& d : deals) {
    const std::string& currency = d.get("currency");
    const std::string& status = d.get("status");
    auto closed = status == "won" || status == "lost" ? last_event(d, status) : std::nullopt;
    if (!closed) {
      continue;
    }
    long long cents = deal_cents(d);
    if (status == "won" && ends_by(o.period, *closed)) {
      for (auto [rows, who] : {std::pair{&contacts, d.get("contact")}, {&orgs, d.get("org")}}) {
        if (!who.empty()) {
          ClvRow& row = (*rows)[{who, currency}];
          row.who = who;
          row.currency = currency;
          ++row.deals;
          row.cents += cents;
        }
      }
    }
    if (!o.period.contains(*closed)) {
      continue;
    }
    std::string group = d.get("owner");
    if (!o.group_of.empty()) {
      auto it = o.group_of.find(group);
      group = it == o.group_of.end() ? "" : it->second;
    }
    group = group.empty() ? "(none)" : group;
    SellerRow& seller = sellers[{group, currency}];
    seller.group = group;
    seller.currency = currency;
    if (status == "lost") {
      ++seller.lost;
      continue;
    }
    ++seller.won;
    seller.revenue += cents;
    if (auto start = parse_stored_time(d.created_at())) {
      cycles[{group, currency}].push_back((*closed - *start).count());
    }
    std::string bucket = o.weekly ? iso_week_at(*closed, o.zone).name
                                  : format_local_date(*closed, o.zone).substr(0, 7);
    MixRow& m = mix[{bucket, currency}];
    m.bucket = bucket;
    m.currency = currency;
    ++m.won;
    m.revenue += cents;
    const std::string& kind = d.get("kind");
    if (kind == "upsell") {
      m.upsell += cents;
    } else if (kind == "cross-sell") {
      m.cross_sell += cents;
    }
  }
  SalesReport out;
  for (auto& [key, row] : sellers) {
    row.average = row.won == 0 ? 0 : (row.revenue + row.won / 2) / row.won;
    row.median_cycle_seconds = median_of(cycles[key]);
    out.sellers.push_back(row);
  }
  std::stable_sort(out.sellers.begin(), out.sellers.end(), [](const SellerRow& a, const SellerRow& b) {
    return a.revenue != b.revenue ? a.revenue > b.revenue : a.group != b.group ? a.group < b.group : a.currency < b.currency;
  });
  for (auto& [key, row] : mix) {
    out.mix.push_back(row);
  }
  out.contacts = ranked(contacts, o.top);
  out.orgs = ranked(orgs, o.top);
  return out;
}

}  // namespace crm
