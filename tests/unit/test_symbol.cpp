#include "symbol.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

using crm::Symbol;

TEST_CASE("symbols of equal texts are equal and keep their text") {
  std::string text = "case-acknowledged";
  Symbol a(text);
  Symbol b(std::string("case-") + "acknowledged");
  CHECK(a == b);
  CHECK(a.view() == "case-acknowledged");
  CHECK(a == text);
  CHECK(text == a);
  CHECK(a != Symbol("case-closed"));
  CHECK(a != "case-closed");
}

TEST_CASE("the empty symbol is the default one") {
  CHECK(Symbol().empty());
  CHECK(Symbol("").empty());
  CHECK(Symbol("") == Symbol());
  CHECK(Symbol().view().empty());
  CHECK_FALSE(Symbol("x").empty());
}

TEST_CASE("symbols order by text not by interning order") {
  Symbol late("zzz-symbol-order-test");
  Symbol early("aaa-symbol-order-test");
  CHECK(early < late);
  CHECK_FALSE(late < early);
  std::set<Symbol> sorted = {late, early};
  CHECK(sorted.begin()->view() == "aaa-symbol-order-test");
}

TEST_CASE("a hundred thousand distinct symbols and a long one keep their texts") {
  std::vector<Symbol> symbols;
  for (int i = 0; i < 100000; ++i) {
    symbols.emplace_back("C-symbol-test-" + std::to_string(i));
  }
  std::string long_text(600000, 'x');
  Symbol big(long_text);
  for (int i = 0; i < 100000; i += 997) {
    CHECK(symbols[static_cast<std::size_t>(i)].view() == "C-symbol-test-" + std::to_string(i));
    CHECK(symbols[static_cast<std::size_t>(i)] == Symbol("C-symbol-test-" + std::to_string(i)));
  }
  CHECK(big.view() == long_text);
  CHECK(Symbol(long_text) == big);
}

TEST_CASE("threads interning the same texts get the same symbols") {
  std::vector<std::vector<Symbol>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < 20000; ++i) {
        seen[t].emplace_back("thread-symbol-" + std::to_string(i));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (std::size_t t = 1; t < seen.size(); ++t) {
    CHECK(seen[t] == seen[0]);
  }
  CHECK(seen[3][12345].view() == "thread-symbol-12345");
}
