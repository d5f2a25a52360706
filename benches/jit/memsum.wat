;; Memory-heavy: 1 MiB of LCG output, then n passes of a copy (i64 loads and stores, with a
;; per-pass twist) into a second MiB, a byte-wise Adler-style checksum of the copy (8-bit
;; loads) and a 16-bit fold of its first 64 KiB (16-bit loads and stores, in place).
(module
  (memory 32)
  (func (export "memsum") (param $n i32) (result i32)
    (local $p i32) (local $i i32) (local $x i32) (local $a i32) (local $b i32) (local $k i64)
    (local.set $x (i32.const 12345))
    (loop $fill
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
      (i32.store (local.get $i) (local.get $x))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 0x100000))))
    (local.set $a (i32.const 1))
    (block $done
      (loop $pass
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $k
          (i64.mul (i64.extend_i32_u (i32.add (local.get $p) (i32.const 1))) (i64.const 0x9e3779b97f4a7c15)))
        (local.set $i (i32.const 0))
        (loop $copy
          (i64.store offset=0x100000 (local.get $i) (i64.xor (i64.load (local.get $i)) (local.get $k)))
          (i64.store offset=0x100008 (local.get $i) (i64.add (i64.load offset=8 (local.get $i)) (local.get $k)))
          (br_if $copy (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 0x100000))))
        (local.set $i (i32.const 0))
        (loop $sum
          (local.set $a (i32.add (local.get $a) (i32.load8_u offset=0x100000 (local.get $i))))
          (local.set $b (i32.add (local.get $b) (local.get $a)))
          (br_if $sum (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 0x100000))))
        (local.set $i (i32.const 0))
        (loop $fold
          (i32.store16 offset=0x100000 (local.get $i)
            (i32.xor (i32.load16_s offset=0x100000 (local.get $i))
                     (i32.load16_u offset=0x100002 (local.get $i))))
          (br_if $fold (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 2))) (i32.const 0x10000))))
        (local.set $a (i32.xor (local.get $a) (i32.load offset=0x100000 (i32.const 0x8000))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pass)))
    (i32.xor (local.get $a) (i32.rotl (local.get $b) (i32.const 16)))))
