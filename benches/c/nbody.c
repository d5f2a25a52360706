// N-body: five bodies as structs in memory, n time steps of pairwise gravitation in f64
// (sqrt, division), then the system's energy as a checksum.
typedef struct { double x, y, z, vx, vy, vz, m; } Body;
static Body bodies[5];

static const double SOLAR = 39.47841760435743, DAYS = 365.24;

static void init(void) {
  static const double v[5][7] = {
    {0, 0, 0, 0, 0, 0, 1},
    {4.84, -1.16, -0.10, 1.66e-3, 7.70e-3, -6.90e-5, 9.54e-4},
    {8.34, 4.12, -0.40, -2.77e-3, 5.00e-3, 2.30e-5, 2.86e-4},
    {12.89, -15.11, -0.22, 2.96e-3, 2.37e-3, -2.96e-5, 4.36e-5},
    {15.37, -25.91, 0.17, 2.68e-3, 1.62e-3, -9.51e-5, 5.15e-5},
  };
  for (int i = 0; i < 5; i++) {
    Body *b = &bodies[i];
    b->x = v[i][0]; b->y = v[i][1]; b->z = v[i][2];
    b->vx = v[i][3] * DAYS; b->vy = v[i][4] * DAYS; b->vz = v[i][5] * DAYS;
    b->m = v[i][6] * SOLAR;
  }
}

static void advance(double dt) {
  for (int i = 0; i < 5; i++) {
    Body *a = &bodies[i];
    for (int j = i + 1; j < 5; j++) {
      Body *b = &bodies[j];
      double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double mag = dt / (d2 * __builtin_sqrt(d2));
      a->vx -= dx * b->m * mag; a->vy -= dy * b->m * mag; a->vz -= dz * b->m * mag;
      b->vx += dx * a->m * mag; b->vy += dy * a->m * mag; b->vz += dz * a->m * mag;
    }
  }
  for (int i = 0; i < 5; i++) {
    Body *b = &bodies[i];
    b->x += dt * b->vx; b->y += dt * b->vy; b->z += dt * b->vz;
  }
}

static double energy(void) {
  double e = 0;
  for (int i = 0; i < 5; i++) {
    Body *a = &bodies[i];
    e += 0.5 * a->m * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
    for (int j = i + 1; j < 5; j++) {
      Body *b = &bodies[j];
      double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
      e -= a->m * b->m / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

__attribute__((export_name("run"))) long long run(int n) {
  init();
  for (int s = 0; s < n; s++) advance(0.01);
  return (long long)(energy() * 1e12);
}
