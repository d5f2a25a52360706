;; Where paths meet in the compiler: a block or an `if` with one result and no parameters
;; takes it in a register (rax, or xmm0 for floats and vectors) from every path into its end
;; (the fall-through, `br`, `br_if` taken or not, `br_table`, the arms of an `if`), and
;; whatever needs that register afterwards must move the result out first.
(module
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))

  ;; The arms: a parameter, and a call's result (which comes back in rax itself).
  (func (export "arms") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 10))
      (then (local.get $n))
      (else (i32.add (call $sq (local.get $n)) (i32.const 1)))))

  ;; br_if out of a block with its value, taken or falling through, then the value divided:
  ;; the division wants rax and rdx for itself.
  (func (export "br-if-div") (param $n i32) (param $d i32) (result i32)
    (i32.div_u
      (block (result i32)
        (drop (br_if 0 (i32.mul (local.get $n) (i32.const 3)) (i32.gt_u (local.get $n) (i32.const 100))))
        (i32.add (local.get $n) (i32.const 1000)))
      (local.get $d)))

  ;; br_table to three blocks with results, each adding its own weight.
  (func (export "table") (param $k i32) (param $v i64) (result i64)
    (i64.add
      (block $c (result i64)
        (i64.mul
          (block $b (result i64)
            (i64.mul
              (block $a (result i64)
                (br_table $a $b $c (local.get $v) (local.get $k)))
              (i64.const 10)))
          (i64.const 100)))
      (i64.const 1)))

  ;; Float and vector results, with the value of an outer block computed around them.
  (func (export "floats") (param $x f64) (result f64)
    (f64.add
      (f64.mul (local.get $x) (f64.const 2))
      (if (result f64) (f64.lt (local.get $x) (f64.const 0))
        (then (f64.neg (local.get $x)))
        (else (f64.sqrt (local.get $x))))))
  (func (export "vector") (param $x i32) (result i32)
    (i32x4.extract_lane 2
      (i32x4.add
        (block (result v128)
          (drop (br_if 0 (i32x4.splat (local.get $x)) (i32.eqz (local.get $x))))
          (v128.const i32x4 1 2 3 4))
        (i32x4.splat (i32.const 100)))))

  ;; Nested: an inner block's result feeds the outer one's, and a value below stays in its
  ;; slot meanwhile.
  (func (export "nested") (param $n i32) (result i32)
    (i32.sub
      (i32.mul (local.get $n) (i32.const 7))
      (block $outer (result i32)
        (i32.add
          (block $inner (result i32)
            (drop (br_if $outer (i32.const 5) (i32.eq (local.get $n) (i32.const 5))))
            (drop (br_if $inner (i32.const 40) (i32.gt_u (local.get $n) (i32.const 50))))
            (local.get $n))
          (i32.const 2)))))

  ;; A result used by a select and by a comparison that a br_if consumes.
  (func (export "select") (param $a i32) (param $b i32) (result i32)
    (local $m i32)
    (local.set $m
      (if (result i32) (i32.gt_s (local.get $a) (local.get $b))
        (then (local.get $a)) (else (local.get $b))))
    (block $big (result i32)
      (drop (br_if $big (i32.const -1) (i32.gt_s (local.get $m) (i32.const 1000))))
      (select (local.get $m) (i32.const 0) (i32.and (local.get $m) (i32.const 1)))))
)

(assert_return (invoke "arms" (i32.const 3)) (i32.const 3))
(assert_return (invoke "arms" (i32.const 12)) (i32.const 145))
(assert_return (invoke "br-if-div" (i32.const 7) (i32.const 2)) (i32.const 503))
(assert_return (invoke "br-if-div" (i32.const 300) (i32.const 7)) (i32.const 128))
(assert_return (invoke "table" (i32.const 0) (i64.const 3)) (i64.const 3001))
(assert_return (invoke "table" (i32.const 1) (i64.const 3)) (i64.const 301))
(assert_return (invoke "table" (i32.const 2) (i64.const 3)) (i64.const 4))
(assert_return (invoke "table" (i32.const 9) (i64.const -5)) (i64.const -4))
(assert_return (invoke "floats" (f64.const -1.5)) (f64.const -1.5))
(assert_return (invoke "floats" (f64.const 4)) (f64.const 10))
(assert_return (invoke "vector" (i32.const 0)) (i32.const 100))
(assert_return (invoke "vector" (i32.const 8)) (i32.const 103))
(assert_return (invoke "nested" (i32.const 5)) (i32.const 30))
(assert_return (invoke "nested" (i32.const 60)) (i32.const 378))
(assert_return (invoke "nested" (i32.const 9)) (i32.const 52))
(assert_return (invoke "select" (i32.const 3) (i32.const 8)) (i32.const 0))
(assert_return (invoke "select" (i32.const 9) (i32.const 8)) (i32.const 9))
(assert_return (invoke "select" (i32.const 3) (i32.const 2000)) (i32.const -1))
