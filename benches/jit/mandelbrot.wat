;; Floating point, in registers: a Mandelbrot set of n x n points over [-2, 1] x [-1.5, 1.5],
;; at most 256 iterations a point; the total of the iterations plus the truncated final z.
(module
  (func (export "mandelbrot") (param $n i32) (result i64)
    (local $y i32) (local $x i32) (local $it i32) (local $total i64)
    (local $scale f64) (local $cr f64) (local $ci f64)
    (local $zr f64) (local $zi f64) (local $zr2 f64) (local $zi2 f64)
    (local.set $scale (f64.div (f64.const 3) (f64.convert_i32_u (local.get $n))))
    (block $ydone
      (loop $yl
        (br_if $ydone (i32.ge_u (local.get $y) (local.get $n)))
        (local.set $ci (f64.sub (f64.mul (f64.convert_i32_u (local.get $y)) (local.get $scale)) (f64.const 1.5)))
        (local.set $x (i32.const 0))
        (block $xdone
          (loop $xl
            (br_if $xdone (i32.ge_u (local.get $x) (local.get $n)))
            (local.set $cr (f64.sub (f64.mul (f64.convert_i32_u (local.get $x)) (local.get $scale)) (f64.const 2)))
            (local.set $zr (f64.const 0))
            (local.set $zi (f64.const 0))
            (local.set $zr2 (f64.const 0))
            (local.set $zi2 (f64.const 0))
            (local.set $it (i32.const 0))
            (block $escaped
              (loop $iter
                (br_if $escaped (f64.gt (f64.add (local.get $zr2) (local.get $zi2)) (f64.const 4)))
                (br_if $escaped (i32.ge_u (local.get $it) (i32.const 256)))
                (local.set $zi (f64.add (f64.mul (f64.mul (f64.const 2) (local.get $zr)) (local.get $zi)) (local.get $ci)))
                (local.set $zr (f64.add (f64.sub (local.get $zr2) (local.get $zi2)) (local.get $cr)))
                (local.set $zr2 (f64.mul (local.get $zr) (local.get $zr)))
                (local.set $zi2 (f64.mul (local.get $zi) (local.get $zi)))
                (local.set $it (i32.add (local.get $it) (i32.const 1)))
                (br $iter)))
            (local.set $total
              (i64.add (i64.add (local.get $total) (i64.extend_i32_u (local.get $it)))
                       (i64.trunc_sat_f64_s (f64.mul (local.get $zr) (f64.const 1000)))))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $xl)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $yl)))
    (local.get $total)))
