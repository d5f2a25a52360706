// Hashing: a 64-bit multiply-rotate hash over 64 KiB, eight bytes a step, n passes, each
// pass seeded by the last.
typedef unsigned long long u64;
static unsigned char buf[65536];

static u64 rotl(u64 x, int r) { return (x << r) | (x >> (64 - r)); }

static u64 hash(const unsigned char *p, int len, u64 seed) {
  u64 h = seed ^ 0x9e3779b97f4a7c15ull;
  for (int i = 0; i + 8 <= len; i += 8) {
    u64 k = 0;
    for (int b = 0; b < 8; b++) k |= (u64)p[i + b] << (8 * b);
    k *= 0x87c37b91114253d5ull;
    h ^= rotl(k, 31) * 0x4cf5ad432745937full;
    h = rotl(h, 27) * 5 + 0x52dce729;
  }
  h ^= h >> 33;
  return h * 0xff51afd7ed558ccdull;
}

__attribute__((export_name("run"))) long long run(int n) {
  unsigned x = 2463534242u;
  for (int i = 0; i < (int)sizeof buf; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    buf[i] = (unsigned char)x;
  }
  u64 h = 0;
  for (int r = 0; r < n; r++) h = hash(buf, sizeof buf, h);
  return (long long)h;
}
