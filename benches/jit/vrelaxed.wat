;; The relaxed vector operators as x86 has them (node needs --experimental-wasm-relaxed-simd):
;; n passes over 4 Ki floats of a cubic by Horner's rule in f32x4.relaxed_madd (fused, where
;; the CPU has FMA), clamped by relaxed_max and relaxed_min, and the floats' bytes summed
;; against 7-bit weights by i16x8.relaxed_dot_i8x16_i7x16_s and extadd_pairwise. The inputs
;; avoid the cases where the alternatives differ (NaNs, zeros of both signs, 8-bit weights),
;; so that every engine that fuses returns the same checksum. (With
;; i32x4.relaxed_dot_i8x16_i7x16_add_s instead, node 20's Liftoff returns another checksum
;; than its TurboFan, ours and the reference do.)
(module
  (memory 1)
  (func (export "vrelaxed") (param $n i32) (result i32)
    (local $i i32) (local $p i32) (local $x v128) (local $acc v128) (local $w v128)
    (loop $init
      (f32.store (local.get $i)
        (f32.sub (f32.mul (f32.convert_i32_u (i32.and (local.get $i) (i32.const 0x3ff))) (f32.const 0x1p-9))
                 (f32.const 0.999)))
      (br_if $init (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 16384))))
    (local.set $w (v128.const i8x16 1 3 5 7 11 13 17 19 23 29 31 37 41 43 47 127))
    (block $done
      (loop $pass
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $row
          (local.set $x (v128.load (local.get $i)))
          (v128.store (local.get $i)
            (f32x4.relaxed_min (v128.const f32x4 0.9375 0.9375 0.9375 0.9375)
              (f32x4.relaxed_max (v128.const f32x4 -0.9375 -0.9375 -0.9375 -0.9375)
                (f32x4.relaxed_madd
                  (f32x4.relaxed_madd
                    (f32x4.relaxed_madd (local.get $x) (v128.const f32x4 0.5 0.5 0.5 0.5)
                      (v128.const f32x4 -0.25 -0.25 -0.25 -0.25))
                    (local.get $x) (v128.const f32x4 0.625 0.625 0.625 0.625))
                  (local.get $x) (v128.const f32x4 0.0625 0.0625 0.0625 0.0625)))))
          (local.set $acc (i32x4.add (local.get $acc) (i32x4.extadd_pairwise_i16x8_s
            (i16x8.relaxed_dot_i8x16_i7x16_s (v128.load (local.get $i)) (local.get $w)))))
          (br_if $row (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 16384))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pass)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))))
