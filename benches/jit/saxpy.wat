;; f32x4 arithmetic over memory: n passes of y = a*x + b*y over 16 Ki floats each (whole
;; vectors loaded and stored), then a checksum of y's bits with i32x4 lanes.
(module
  (memory 2)
  (func (export "saxpy") (param $n i32) (result i32)
    (local $i i32) (local $p i32) (local $a v128) (local $b v128) (local $s v128)
    (loop $init
      (f32.store (local.get $i)
        (f32.mul (f32.convert_i32_u (i32.and (local.get $i) (i32.const 0xfff))) (f32.const 0.25)))
      (f32.store offset=65536 (local.get $i) (f32.const 1))
      (br_if $init (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 65536))))
    (local.set $a (f32x4.splat (f32.const 0.5)))
    (local.set $b (v128.const f32x4 0.75 0.8125 0.875 0.9375))
    (block $done
      (loop $pass
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $row
          (v128.store offset=65536 (local.get $i)
            (f32x4.add
              (f32x4.mul (local.get $a) (v128.load (local.get $i)))
              (f32x4.mul (local.get $b) (v128.load offset=65536 (local.get $i)))))
          (br_if $row (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 65536))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pass)))
    (local.set $i (i32.const 0))
    (loop $sum
      (local.set $s (i32x4.add (local.get $s) (v128.load offset=65536 (local.get $i))))
      (br_if $sum (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 65536))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $s)) (i32x4.extract_lane 1 (local.get $s)))
      (i32.add (i32x4.extract_lane 2 (local.get $s)) (i32x4.extract_lane 3 (local.get $s))))))
