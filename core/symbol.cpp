#include "symbol.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace crm {
namespace {

// Symbol texts, appended and never moved: text in fixed-size chunks and
// views in fixed-size segments, so a reader never sees memory a concurrent
// interning moves. An open-addressing table of indices finds existing texts
// at about 8 bytes per symbol (a node-based map would take 50).
class SymbolTable {
 public:
  static SymbolTable& instance() {
    static SymbolTable* table = new SymbolTable;  // never destroyed: symbols outlive statics
    return *table;
  }

  std::uint32_t intern(std::string_view text) {
    if (text.empty()) {
      return 0;
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::hash<std::string_view>()(text) & mask;; i = (i + 1) & mask) {
      std::uint32_t index = m_slots[i];
      if (index == 0) {
        index = append(text);
        m_slots[i] = index;
        if (2 * m_count > m_slots.size()) {
          grow();
        }
        return index;
      }
      if (view(index) == text) {
        return index;
      }
    }
  }

  std::string_view view(std::uint32_t index) const {
    return m_segments[index >> kSegmentBits][index & (kSegmentSize - 1)];
  }

 private:
  static constexpr unsigned kSegmentBits = 16;
  static constexpr std::size_t kSegmentSize = std::size_t{1} << kSegmentBits;
  static constexpr std::size_t kSegments = 4096;  // 268 million symbols
  static constexpr std::size_t kChunkSize = 1 << 20;

  SymbolTable() : m_slots(1024, 0) { append(""); }

  std::uint32_t append(std::string_view text) {
    std::size_t index = m_count++;
    if (index >= kSegments * kSegmentSize) {
      throw std::length_error("too many distinct names");
    }
    auto& segment = m_segments[index >> kSegmentBits];
    if (!segment) {
      segment = std::make_unique<std::string_view[]>(kSegmentSize);
    }
    segment[index & (kSegmentSize - 1)] = store(text);
    return static_cast<std::uint32_t>(index);
  }

  std::string_view store(std::string_view text) {
    if (text.size() > kChunkSize / 4) {
      m_chunks.push_back(std::make_unique<char[]>(text.size()));
      text.copy(m_chunks.back().get(), text.size());
      std::string_view stored(m_chunks.back().get(), text.size());
      // Keep filling the current chunk: move it back on top.
      if (m_chunks.size() > 1) {
        std::swap(m_chunks[m_chunks.size() - 1], m_chunks[m_chunks.size() - 2]);
      }
      return stored;
    }
    if (m_chunks.empty() || m_chunk_used + text.size() > kChunkSize) {
      m_chunks.push_back(std::make_unique<char[]>(kChunkSize));
      m_chunk_used = 0;
    }
    char* at = m_chunks.back().get() + m_chunk_used;
    text.copy(at, text.size());
    m_chunk_used += text.size();
    return {at, text.size()};
  }

  void grow() {
    std::vector<std::uint32_t> slots(m_slots.size() * 2, 0);
    std::size_t mask = slots.size() - 1;
    for (std::uint32_t index : m_slots) {
      if (index == 0) {
        continue;
      }
      std::size_t i = std::hash<std::string_view>()(view(index)) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = index;
    }
    m_slots.swap(slots);
  }

  std::mutex m_mutex;
  std::vector<std::uint32_t> m_slots;
  std::unique_ptr<std::string_view[]> m_segments[kSegments];
  std::vector<std::unique_ptr<char[]>> m_chunks;
  std::size_t m_chunk_used = 0;
  std::size_t m_count = 0;
};

}  // namespace

Symbol::Symbol(std::string_view text) : m_index(SymbolTable::instance().intern(text)) {}

std::string_view Symbol::view() const { return SymbolTable::instance().view(m_index); }

}  // namespace crm
