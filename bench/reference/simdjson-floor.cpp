// Reference, outside the product: how fast a best-in-class JSON parser (simdjson, SIMD, C++) reads
// the bench's JSON Lines on this machine, touching every value, with no scoring and no output.
// Build: g++ -O3 -march=native -std=c++17 simdjson-floor.cpp -lsimdjson -lpthread -o simdjson-floor
#include <simdjson.h>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>
using namespace simdjson;

static size_t touch(dom::element e) {
  size_t n = 0;
  switch (e.type()) {
    case dom::element_type::ARRAY: for (auto c : dom::array(e)) n += touch(c); break;
    case dom::element_type::OBJECT: for (auto f : dom::object(e)) n += f.key.size() + touch(f.value); break;
    case dom::element_type::STRING: n += std::string_view(e).size(); break;
    default: n += 1;
  }
  return n;
}

struct Line { size_t begin, end; };

int main(int argc, char** argv) {
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss; ss << in.rdbuf();
  std::string data = ss.str();
  std::vector<Line> lines;
  size_t start = 0;
  for (size_t i = 0; i < data.size(); i++) if (data[i] == '\n') { lines.push_back({start, i}); start = i + 1; }
  int mode = argc > 2 ? atoi(argv[2]) : 0;  // 0 parse+touch, 1 parse+touch+minify out
  for (int threads : {1, 2}) {
    double best = 1e9;
    for (int run = 0; run < 3; run++) {
      auto t0 = std::chrono::steady_clock::now();
      std::vector<std::thread> pool; std::vector<size_t> sums(threads);
      for (int t = 0; t < threads; t++) pool.emplace_back([&, t] {
        dom::parser parser; std::string out; size_t sum = 0;
        for (size_t k = t; k < lines.size(); k += threads) {
          padded_string record(data.data() + lines[k].begin, lines[k].end - lines[k].begin);
          dom::element doc;
          if (parser.parse(record).get(doc)) continue;
          sum += touch(doc);
          if (mode == 1) { out = simdjson::minify(doc); sum += out.size(); }
        }
        sums[t] = sum;
      });
      for (auto& p : pool) p.join();
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (s < best) best = s;
    }
    printf("simdjson %s, %d thread(s): %.3f s, %.0f tables/s, %.0f MB/s\n", mode ? "parse+touch+write" : "parse+touch",
           threads, best, lines.size() / best, data.size() / best / 1e6);
  }
}
