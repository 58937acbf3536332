#include "error.hpp"
#include "store.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <functional>

using namespace crm;

namespace {

// A CRM in a temporary folder with the given record IDs written out.
struct Fixture {
  test::TempDir dir;
  std::unique_ptr<Store> store;

  explicit Fixture(const std::vector<std::string>& contact_ids = {}) {
    write_file_atomic(dir.path() / "crm.yaml", "");
    store = std::make_unique<Store>(dir.path());
    Transaction tx(*store);
    for (const auto& id : contact_ids) {
      Value data = Value::map();
      data.set("id", id);
      data.set("name", "Name of " + id);
      tx.put({&contact_kind(), id, store->path_of(contact_kind(), id), data});
    }
    tx.commit();
  }
};

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.status();
  }
  return 0;
}

}  // namespace

TEST_CASE("Store::path_of") {
  Fixture f;
  CHECK(f.store->path_of(contact_kind(), "P-7K3MQ2X9AB4F") == f.dir.path() / "contacts" / "P-7K3MQ2X9AB4F.yaml");
  CHECK(f.store->path_of(call_kind(), "K-7K3MQ2X9AB4F") == f.dir.path() / "calls" / "7K" / "K-7K3MQ2X9AB4F.yaml");
  CHECK(f.store->path_of(user_kind(), "olivia") == f.dir.path() / "users" / "olivia.yaml");
}

TEST_CASE("Store::resolve") {
  Fixture f({"P-7K3MQ2X9AB4F", "P-7K3N00000000", "P-A00000000000"});
  const Store& s = *f.store;
  SUBCASE("whole IDs and unique prefixes, in any case, with or without the kind prefix") {
    CHECK(s.resolve(contact_kind(), "P-7K3MQ2X9AB4F") == "P-7K3MQ2X9AB4F");
    CHECK(s.resolve(contact_kind(), "7k3m") == "P-7K3MQ2X9AB4F");
    CHECK(s.resolve(contact_kind(), "p-7K3N") == "P-7K3N00000000");
    CHECK(s.resolve(contact_kind(), "a") == "P-A00000000000");
    CHECK(s.resolve(contact_kind(), "AOO") == "P-A00000000000");  // O read as 0
  }
  SUBCASE("an ambiguous prefix lists the candidates") {
    try {
      s.resolve(contact_kind(), "7K3");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_not_found);
      CHECK(std::string(e.what()) == "'7K3' is ambiguous: it could be P-7K3MQ2X9AB4F, P-7K3N00000000");
    }
  }
  SUBCASE("unknown, malformed and other-kind IDs are not found") {
    CHECK(status_of([&] { s.resolve(contact_kind(), "ZZ"); }) == k_exit_not_found);
    CHECK(status_of([&] { s.resolve(contact_kind(), "P-ZZZZZZZZZZZZ"); }) == k_exit_not_found);
    CHECK(status_of([&] { s.resolve(contact_kind(), "../../etc/passwd"); }) == k_exit_not_found);
    CHECK(status_of([&] { s.resolve(contact_kind(), "K-7K3M"); }) == k_exit_not_found);
    CHECK(status_of([&] { s.resolve(user_kind(), "nobody"); }) == k_exit_not_found);
  }
}

TEST_CASE("Store::new_id") {
  Fixture f;
  std::string id = f.store->new_id(call_kind());
  CHECK(id.size() == 14);
  CHECK(id.rfind("K-", 0) == 0);
  CHECK_FALSE(f.store->exists(call_kind(), id));
}

TEST_CASE("Store::load") {
  Fixture f({"P-7K3MQ2X9AB4F"});
  SUBCASE("reads back what a transaction wrote, canonically") {
    Record r = f.store->load(contact_kind(), "P-7K3MQ2X9AB4F");
    CHECK(r.get("name") == "Name of P-7K3MQ2X9AB4F");
    CHECK(read_file(r.path) == "id: P-7K3MQ2X9AB4F\nname: Name of P-7K3MQ2X9AB4F\n");
  }
  SUBCASE("a malformed record is a data error naming file and line") {
    write_file_atomic(f.dir.path() / "contacts" / "P-7K3MQ2X9AB4F.yaml", "id: P-7K3MQ2X9AB4F\nname: A\nkind: alien\n");
    try {
      f.store->load(contact_kind(), "P-7K3MQ2X9AB4F");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_data);
      CHECK(std::string(e.what()).find("contacts/P-7K3MQ2X9AB4F.yaml:3: 'kind': 'alien'") != std::string::npos);
    }
  }
}

TEST_CASE("Store::locate") {
  Fixture f;
  fs::create_directories(f.dir.path() / "contacts" / "deep");
  fs::path old = fs::current_path();
  SUBCASE("walks up from the working directory") {
    fs::current_path(f.dir.path() / "contacts" / "deep");
    CHECK(Store::locate("", "") == fs::path("../.."));
  }
  SUBCASE("an explicit folder wins over $CRM_DIR") {
    CHECK(Store::locate(f.dir.path().string(), "/nonexistent") == f.dir.path());
    CHECK(Store::locate("", f.dir.path().string()) == f.dir.path());
  }
  SUBCASE("a folder without crm.yaml is a usage error") {
    CHECK(status_of([&] { Store::locate((f.dir.path() / "contacts").string(), ""); }) == k_exit_usage);
  }
  fs::current_path(old);
}
