// Recursion: the doubly recursive Fibonacci and Takeuchi's function, two and four calls a
// step.
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int tak(int x, int y, int z) { return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z; }

__attribute__((export_name("run"))) int run(int n) {
  return fib(n) + tak(n / 2, n / 3, n / 6);
}
