// The sieve of Eratosthenes over a byte per number up to 1,000,000, n times: byte stores in
// strided loops, byte loads in a counting one.
static unsigned char composite[1000001];

__attribute__((export_name("run"))) int run(int n) {
  int total = 0;
  for (int r = 0; r < n; r++) {
    int limit = 1000000 - r;
    for (int i = 0; i <= limit; i++) composite[i] = 0;
    int count = 0;
    for (int i = 2; i <= limit; i++) {
      if (composite[i]) continue;
      count++;
      for (int j = i + i; j <= limit; j += i) composite[j] = 1;
    }
    total += count;
  }
  return total;
}
