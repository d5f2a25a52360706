// Matrix multiply: C = A * B over 64x64 doubles, n times, each product fed back into A
// (scaled, so that the values stay finite); f64 loads, multiplies and adds in a triple loop.
#define N 64
static double A[N][N], B[N][N], C[N][N];

__attribute__((export_name("run"))) long long run(int n) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = (double)((i * 7 + j * 3) % 17) / 16.0;
      B[i][j] = (double)((i * 5 + j * 11) % 13) / 12.0 - 0.5;
    }
  for (int r = 0; r < n; r++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        double s = 0;
        for (int k = 0; k < N; k++) s += A[i][k] * B[k][j];
        C[i][j] = s;
      }
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) A[i][j] = C[i][j] * 0.125 + 0.01 * (double)j;
  }
  long long sum = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) sum += (long long)(C[i][j] * 1000.0);
  return sum;
}
