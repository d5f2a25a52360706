;; Mandelbrot four pixels at a time: f32x4 arithmetic in registers, comparisons to masks,
;; v128.any_true to leave, the masks subtracted as counts. An n x n image (n a multiple of
;; 4), at most 64 iterations a pixel; the checksum is the sum of the counts.
(module
  (func (export "vmandel") (param $n i32) (result i32)
    (local $y i32) (local $x i32) (local $k i32) (local $scale f32)
    (local $cr v128) (local $ci v128) (local $zr v128) (local $zi v128) (local $zr2 v128)
    (local $zi2 v128) (local $count v128) (local $active v128) (local $sum v128) (local $step v128)
    (local.set $scale (f32.div (f32.const 3) (f32.convert_i32_u (local.get $n))))
    (local.set $step (f32x4.mul (v128.const f32x4 0 1 2 3) (f32x4.splat (local.get $scale))))
    (loop $rows
      (local.set $ci (f32x4.splat
        (f32.sub (f32.mul (f32.convert_i32_u (local.get $y)) (local.get $scale)) (f32.const 1.5))))
      (local.set $x (i32.const 0))
      (loop $cols
        (local.set $cr (f32x4.add (local.get $step) (f32x4.splat
          (f32.sub (f32.mul (f32.convert_i32_u (local.get $x)) (local.get $scale)) (f32.const 2)))))
        (local.set $zr (local.get $cr))
        (local.set $zi (local.get $ci))
        (local.set $count (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (block $escaped
          (loop $iter
            (local.set $zr2 (f32x4.mul (local.get $zr) (local.get $zr)))
            (local.set $zi2 (f32x4.mul (local.get $zi) (local.get $zi)))
            (local.set $active
              (f32x4.le (f32x4.add (local.get $zr2) (local.get $zi2)) (v128.const f32x4 4 4 4 4)))
            (br_if $escaped (i32.eqz (v128.any_true (local.get $active))))
            (local.set $count (i32x4.sub (local.get $count) (local.get $active)))
            (local.set $zi (f32x4.add
              (f32x4.mul (f32x4.add (local.get $zr) (local.get $zr)) (local.get $zi)) (local.get $ci)))
            (local.set $zr (f32x4.add (f32x4.sub (local.get $zr2) (local.get $zi2)) (local.get $cr)))
            (br_if $iter (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 64)))))
        (local.set $sum (i32x4.add (local.get $sum) (local.get $count)))
        (br_if $cols (i32.lt_u (local.tee $x (i32.add (local.get $x) (i32.const 4))) (local.get $n))))
      (br_if $rows (i32.lt_u (local.tee $y (i32.add (local.get $y) (i32.const 1))) (local.get $n))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $sum)) (i32x4.extract_lane 1 (local.get $sum)))
      (i32.add (i32x4.extract_lane 2 (local.get $sum)) (i32x4.extract_lane 3 (local.get $sum))))))
