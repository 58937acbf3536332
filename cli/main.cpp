#include "app.hpp"

int main(int argc, char** argv) {
  return crm::cli::run(argc, argv);
}
