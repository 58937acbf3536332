#include "record_writer.hpp"

#include "error.hpp"
#include "ids.hpp"
#include "record.hpp"

#include <fstream>

namespace bench {

std::string RecordWriter::new_id(const crm::KindSpec& kind) {
  for (;;) {
    std::string body = m_random.id_body();
    std::string id = kind.prefix + "-" + body;
    if (crm::normalize_id_body(body) == body && m_ids.insert(id).second) {
      return id;
    }
  }
}

void RecordWriter::write(const crm::KindSpec& kind, const crm::Value& data) {
  crm::fs::path path = m_store.path_of(kind, data.get("id"));
  if (m_folders.insert(path.parent_path()).second) {
    crm::fs::create_directories(path.parent_path());
  }
  std::string text = crm::serialize(kind, data);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!file.flush()) {
    throw crm::system_error("cannot write " + path.string());
  }
  ++m_counts[kind.name];
}

crm::Value history_entry(crm::Timestamp at, const std::string& by, const std::string& event) {
  crm::Value e = crm::Value::map();
  e.set("at", crm::format_utc(at));
  if (!by.empty()) {
    e.set("by", by);
  }
  e.set("event", event);
  return e;
}

}  // namespace bench
