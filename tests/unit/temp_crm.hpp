#pragma once

// A throw-away CRM for one unit test: a crm.yaml, record files written as
// text, and a Store over them; removed with everything in it.

#include "files.hpp"
#include "store.hpp"
#include "temp_dir.hpp"

#include <memory>
#include <string>

namespace test {

class TempCrm {
 public:
  explicit TempCrm(const std::string& config = "") {
    write("crm.yaml", config);
    m_store = std::make_unique<crm::Store>(m_dir.path());
  }

  // Writes `text` to the file `rel`, relative to the CRM's folder. The store
  // reads files when asked, so records may be written after it is made.
  void write(const std::string& rel, const std::string& text) const {
    crm::write_file_atomic(m_dir.path() / rel, text);
  }
  crm::Store& store() const { return *m_store; }
  const std::filesystem::path& path() const { return m_dir.path(); }

 private:
  TempDir m_dir;
  std::unique_ptr<crm::Store> m_store;
};

}  // namespace test
