;; Byte lanes over 64 KiB: n passes of a filter (i8x16.avgr_u with the next byte's vector,
;; unaligned; a saturating add of the bytes reversed by i8x16.swizzle; max_u, min_u, sub;
;; an i8x16.shuffle of two vectors), each pass writing a second buffer that memory.copy
;; brings back; then a checksum by extadd_pairwise.
(module
  (memory 3)
  (func (export "vbytes") (param $n i32) (result i32)
    (local $i i32) (local $p i32) (local $x i32) (local $v v128) (local $w v128) (local $acc v128)
    (local.set $x (i32.const 7))
    (loop $fill
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
      (i32.store (local.get $i) (i32.shr_u (local.get $x) (i32.const 3)))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 65552))))
    (block $done
      (loop $pass
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $row
          (local.set $v (i8x16.avgr_u (v128.load (local.get $i)) (v128.load offset=1 (local.get $i))))
          (local.set $v (i8x16.add_sat_u (local.get $v)
            (i8x16.swizzle (local.get $v) (v128.const i8x16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0))))
          (local.set $w (i8x16.sub
            (i8x16.max_u (local.get $v) (v128.const i8x16 16 16 16 16 16 16 16 16 16 16 16 16 16 16 16 16))
            (i8x16.min_u (local.get $v) (v128.const i8x16 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15))))
          (v128.store offset=65536 (local.get $i)
            (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get $w) (local.get $v)))
          (br_if $row (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 65536))))
        (memory.copy (i32.const 0) (i32.const 65536) (i32.const 65536))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pass)))
    (local.set $i (i32.const 0))
    (loop $sum
      (local.set $acc (i32x4.add (local.get $acc)
        (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (v128.load (local.get $i))))))
      (br_if $sum (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 65536))))
    (i32.xor
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.shl (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))
        (i32.const 7)))))
