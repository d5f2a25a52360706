;; 4x4 f32 matrices in four v128 columns each: n products M = M * R, each column of the
;; product the sum of M's columns times the lanes of R's column, taken out
;; (f32x4.extract_lane) and spread (f32x4.splat), in a call with five v128 parameters; R a
;; rotation, so nothing grows. The checksum is of the bits of the result's lanes.
(module
  (func (export "vmatrix") (param $n i32) (result i32)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $i i32) (local $x v128)
    (local.set $m0 (v128.const f32x4 1 0 0 0))
    (local.set $m1 (v128.const f32x4 0 1 0 0))
    (local.set $m2 (v128.const f32x4 0 0 1 0))
    (local.set $m3 (v128.const f32x4 0 0 0 1))
    ;; A rotation by 0.6/0.8 in two planes.
    (local.set $r0 (v128.const f32x4 0.6 0.8 0 0))
    (local.set $r1 (v128.const f32x4 -0.8 0.6 0 0))
    (local.set $r2 (v128.const f32x4 0 0 0.8 -0.6))
    (local.set $r3 (v128.const f32x4 0 0 0.6 0.8))
    (loop $l
      (local.set $t0 (call $col (local.get $m0) (local.get $m1) (local.get $m2) (local.get $m3) (local.get $r0)))
      (local.set $t1 (call $col (local.get $m0) (local.get $m1) (local.get $m2) (local.get $m3) (local.get $r1)))
      (local.set $t2 (call $col (local.get $m0) (local.get $m1) (local.get $m2) (local.get $m3) (local.get $r2)))
      (local.set $m3 (call $col (local.get $m0) (local.get $m1) (local.get $m2) (local.get $m3) (local.get $r3)))
      (local.set $m0 (local.get $t0))
      (local.set $m1 (local.get $t1))
      (local.set $m2 (local.get $t2))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.set $x (i32x4.add
      (i32x4.add (local.get $m0) (i32x4.shl (local.get $m1) (i32.const 1)))
      (i32x4.add (i32x4.shl (local.get $m2) (i32.const 2)) (i32x4.shl (local.get $m3) (i32.const 3)))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $x)) (i32.rotl (i32x4.extract_lane 1 (local.get $x)) (i32.const 8)))
      (i32.add (i32.rotl (i32x4.extract_lane 2 (local.get $x)) (i32.const 16))
               (i32.rotl (i32x4.extract_lane 3 (local.get $x)) (i32.const 24)))))
  ;; M * r: the columns weighted by r's lanes.
  (func $col (param $m0 v128) (param $m1 v128) (param $m2 v128) (param $m3 v128) (param $r v128) (result v128)
    (f32x4.add
      (f32x4.add
        (f32x4.mul (local.get $m0) (f32x4.splat (f32x4.extract_lane 0 (local.get $r))))
        (f32x4.mul (local.get $m1) (f32x4.splat (f32x4.extract_lane 1 (local.get $r)))))
      (f32x4.add
        (f32x4.mul (local.get $m2) (f32x4.splat (f32x4.extract_lane 2 (local.get $r))))
        (f32x4.mul (local.get $m3) (f32x4.splat (f32x4.extract_lane 3 (local.get $r))))))))
