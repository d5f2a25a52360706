// Quicksort: 100,000 pseudo-random ints sorted in place by a hand-written recursive
// quicksort, n times from fresh data: compares, swaps and recursion.
static int a[100000];

static void sort(int *v, int lo, int hi) {
  while (lo < hi) {
    int p = v[(lo + hi) >> 1], i = lo, j = hi;
    while (i <= j) {
      while (v[i] < p) i++;
      while (v[j] > p) j--;
      if (i <= j) { int t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
    }
    if (j - lo < hi - i) { sort(v, lo, j); lo = i; } else { sort(v, i, hi); hi = j; }
  }
}

__attribute__((export_name("run"))) int run(int n) {
  int s = 0;
  for (int r = 0; r < n; r++) {
    unsigned x = (unsigned)r * 2654435761u + 1;
    for (int k = 0; k < 100000; k++) { x = x * 1103515245u + 12345u; a[k] = (int)(x >> 1); }
    sort(a, 0, 99999);
    for (int k = 1; k < 100000; k += 1000) if (a[k - 1] > a[k]) return -1;
    s += a[r % 100000] ^ a[50000];
  }
  return s;
}
