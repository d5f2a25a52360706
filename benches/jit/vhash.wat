;; Integer lanes in registers: a xorshift on i32x4 lanes (shl, shr_u, xor), a 64-bit LCG on
;; i64x2 lanes (i64x2.mul, add, shr_u), an i8x16.shuffle rotating the lanes, i32x4.mul; n
;; rounds, then the 64-bit lanes xored.
(module
  (func (export "vhash") (param $n i32) (result i64)
    (local $a v128) (local $b v128) (local $i i32)
    (local.set $a (v128.const i32x4 1 2 3 4))
    (local.set $b (v128.const i64x2 0x9e3779b97f4a7c15 0x632be59bd9b4e019))
    (loop $l
      (local.set $a (v128.xor (local.get $a) (i32x4.shl (local.get $a) (i32.const 13))))
      (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 17))))
      (local.set $a (v128.xor (local.get $a) (i32x4.shl (local.get $a) (i32.const 5))))
      (local.set $b (i64x2.add
        (i64x2.mul (local.get $b) (v128.const i64x2 6364136223846793005 1442695040888963407))
        (local.get $a)))
      (local.set $b (v128.xor (local.get $b) (i64x2.shr_u (local.get $b) (i32.const 29))))
      (local.set $a (i32x4.add
        (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $a) (local.get $a))
        (i32x4.mul (local.get $b) (v128.const i32x4 3 5 7 9))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i64.xor (i64x2.extract_lane 0 (local.get $b)) (i64x2.extract_lane 1 (local.get $b)))))
