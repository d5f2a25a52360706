// LZ77 compression: a hash table of earlier positions finds matches in 64 KiB of generated
// text-like data; the output is decompressed and checked, n rounds. Byte loads and stores,
// 16-bit tables, data-dependent branches.
#define LEN 65536
static unsigned char in[LEN], out[LEN + LEN / 2], back[LEN];
static unsigned short table[4096];

static void fill(void) {
  static const char words[] = "the quick brown fox jumps over lazy dogs and then some ";
  unsigned x = 12345;
  for (int i = 0; i < LEN;) {
    x = x * 1103515245u + 12345u;
    int w = (x >> 16) % 50, l = 3 + (x >> 8) % 6;
    for (int k = 0; k < l && i < LEN; k++) in[i++] = (unsigned char)words[w + k];
    if ((x & 7) == 0 && i < LEN) in[i++] = (unsigned char)('A' + (x >> 24) % 26);
  }
}

// Literal runs as [0, len, bytes...], matches as [len + 3 (>= 4), dist lo, dist hi].
static int compress(void) {
  for (int i = 0; i < 4096; i++) table[i] = 0;
  int o = 0, lit = 0, i = 0;
  while (i < LEN) {
    int best = 0, dist = 0;
    if (i + 4 <= LEN) {
      unsigned k = (unsigned)in[i] | in[i + 1] << 8 | in[i + 2] << 16;
      unsigned h = (k * 2654435761u) >> 20;
      int cand = table[h];
      table[h] = (unsigned short)i;
      if (cand < i && i - cand < 65536) {
        int m = 0;
        while (m < 250 && i + m < LEN && in[cand + m] == in[i + m]) m++;
        if (m >= 4) { best = m; dist = i - cand; }
      }
    }
    if (best) {
      if (lit) { out[o++] = 0; out[o++] = (unsigned char)lit; for (int k = i - lit; k < i; k++) out[o++] = in[k]; lit = 0; }
      out[o++] = (unsigned char)(best + 3); out[o++] = (unsigned char)dist; out[o++] = (unsigned char)(dist >> 8);
      i += best;
    } else {
      i++;
      if (++lit == 255) { out[o++] = 0; out[o++] = 255; for (int k = i - 255; k < i; k++) out[o++] = in[k]; lit = 0; }
    }
  }
  if (lit) { out[o++] = 0; out[o++] = (unsigned char)lit; for (int k = LEN - lit; k < LEN; k++) out[o++] = in[k]; }
  return o;
}

static int decompress(int len) {
  int o = 0;
  for (int i = 0; i < len;) {
    int t = out[i++];
    if (t == 0) { int l = out[i++]; while (l--) back[o++] = out[i++]; }
    else { int d = out[i] | out[i + 1] << 8; i += 2; for (int k = 0; k < t - 3; k++, o++) back[o] = back[o - d]; }
  }
  return o;
}

__attribute__((export_name("run"))) int run(int n) {
  fill();
  int sum = 0;
  for (int r = 0; r < n; r++) {
    in[r % LEN] ^= (unsigned char)r;
    int len = compress();
    if (decompress(len) != LEN) return -1;
    for (int i = 0; i < LEN; i += 97) if (back[i] != in[i]) return -2;
    sum = sum * 31 + len;
  }
  return sum;
}
