// Virtual calls: shapes with a table of function pointers each (area, scale, mix), picked
// from generated data, called through the pointers in a loop: call_indirect n times over
// 1024 objects.
typedef struct Shape Shape;
typedef struct {
  int (*area)(const Shape *);
  void (*scale)(Shape *, int);
  unsigned (*mix)(const Shape *, unsigned);
} VTable;
struct Shape { const VTable *vt; int a, b; };

static int rect_area(const Shape *s) { return s->a * s->b; }
static int tri_area(const Shape *s) { return s->a * s->b / 2; }
static int circle_area(const Shape *s) { return 3 * s->a * s->a; }
static int square_area(const Shape *s) { return s->a * s->a; }
static void scale_both(Shape *s, int k) { s->a = (s->a * k) % 1000 + 1; s->b = (s->b + k) % 1000 + 1; }
static void scale_one(Shape *s, int k) { s->a = (s->a + k) % 1000 + 1; }
static unsigned mix_ab(const Shape *s, unsigned h) { return (h ^ (unsigned)s->a) * 16777619u + (unsigned)s->b; }
static unsigned mix_a(const Shape *s, unsigned h) { return (h + (unsigned)s->a) * 2654435761u; }

static const VTable tables[4] = {
  {rect_area, scale_both, mix_ab},
  {tri_area, scale_both, mix_a},
  {circle_area, scale_one, mix_a},
  {square_area, scale_one, mix_ab},
};
static Shape shapes[1024];

__attribute__((export_name("run"))) int run(int n) {
  unsigned x = 99;
  for (int i = 0; i < 1024; i++) {
    x = x * 1103515245u + 12345u;
    shapes[i].vt = &tables[(x >> 16) & 3];
    shapes[i].a = (int)(x >> 20) % 100 + 1;
    shapes[i].b = (int)(x >> 8) % 100 + 1;
  }
  unsigned h = 0;
  for (int r = 0; r < n; r++) {
    for (int i = 0; i < 1024; i++) {
      Shape *s = &shapes[i];
      h += (unsigned)s->vt->area(s);
      h = s->vt->mix(s, h);
      if ((h & 15) == 0) s->vt->scale(s, (int)(h >> 28) + 2);
    }
  }
  return (int)h;
}
