;; Loops in the compiler: a loop's header keeps the locals its body reads in registers, and
;; every branch back puts them there again, from wherever they are then (another register,
;; or memory after a call or an eviction). A local read in place (an ALU operand, a memory
;; index) must keep its register until the instruction is done. Each function computes the
;; same thing a slower way would, so that a value taken from the wrong register shows.
(module
  (memory 1)
  (func $id (param i32) (result i32) (local.get 0))

  ;; Iterative Fibonacci: each iteration swaps the roles of two locals, a cycle of moves on
  ;; the branch back. fib(n) mod 2^32.
  (func (export "fib") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $t i32)
    (local.set $b (i32.const 1))
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i32.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $a))

  ;; Three locals rotated each iteration with `local.tee`: a <- b <- c <- a + 1.
  (func (export "rotate") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $c i32) (local $t i32)
    (local.set $a (i32.const 1)) (local.set $b (i32.const 20)) (local.set $c (i32.const 300))
    (loop $l
      (local.set $t (local.get $a))
      (local.set $a (local.get $b))
      (local.set $b (local.get $c))
      (local.set $c (i32.add (local.get $t) (i32.const 1)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (i32.mul (local.get $a) (i32.const 1000000))
             (i32.add (i32.mul (local.get $b) (i32.const 1000)) (local.get $c))))

  ;; A call in the body forgets every register: the branch back reloads from memory.
  (func (export "call-in-loop") (param $n i32) (result i32) (local $s i32) (local $i i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $id (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s))

  ;; Twelve values live at once in the body evict the header's registers; the locals must
  ;; come back right. sum over i < n of (i + (i+1) + ... + (i+11)) + 66 * n, mod 2^32.
  (func (export "pressure") (param $n i32) (result i32) (local $s i32) (local $i i32) (local $k i32)
    (loop $l
      (local.set $s
        (i32.add (local.get $s)
          (i32.add
            (i32.add (i32.add (i32.add (local.get $i) (i32.add (local.get $i) (i32.const 1)))
                              (i32.add (i32.add (local.get $i) (i32.const 2)) (i32.add (local.get $i) (i32.const 3))))
                     (i32.add (i32.add (i32.add (local.get $i) (i32.const 4)) (i32.add (local.get $i) (i32.const 5)))
                              (i32.add (i32.add (local.get $i) (i32.const 6)) (i32.add (local.get $i) (i32.const 7)))))
            (i32.add (i32.add (i32.add (local.get $i) (i32.const 8)) (i32.add (local.get $i) (i32.const 9)))
                     (i32.add (i32.add (local.get $i) (i32.const 10)) (i32.add (local.get $i) (i32.const 11)))))))
      (local.set $k (i32.add (local.get $k) (i32.const 66)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i32.add (local.get $s) (local.get $k)))

  ;; Nested loops: the inner one changes the outer one's locals and branches to the outer
  ;; header directly. Counts the pairs j < i < n, and sums i * j over them.
  (func (export "nested") (param $n i32) (result i64) (local $i i32) (local $j i32) (local $c i32) (local $s i64)
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (loop $inner
          (if (i32.ge_u (local.get $j) (local.get $i))
            (then (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $outer)))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (i32.mul (local.get $i) (local.get $j)))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $inner))))
    (i64.add (i64.shl (i64.extend_i32_u (local.get $c)) (i64.const 32)) (local.get $s)))

  ;; `br_table` back to the header, from two arms that leave the locals in other places.
  (func (export "table") (param $n i32) (result i32) (local $x i32) (local $y i32)
    (local.set $x (i32.const 7))
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (block $odd
          (block $even
            (br_table $even $odd (i32.and (local.get $n) (i32.const 1))))
          ;; even: swap x and y, then add 3 to x
          (local.set $y (i32.add (local.get $x) (i32.mul (local.get $y) (i32.const 0))))
          (local.set $x (i32.add (local.get $y) (i32.const 3)))
          (br_table $l $l $done (i32.const 1)))
        ;; odd: y doubles, x from memory
        (i32.store (i32.const 64) (i32.add (local.get $x) (local.get $y)))
        (local.set $y (i32.shl (local.get $y) (i32.const 1)))
        (local.set $x (i32.load (i32.const 64)))
        (br $l)))
    (i32.xor (local.get $x) (i32.rotl (local.get $y) (i32.const 7))))

  ;; Floats carried in XMM registers: two f64 locals swapped each iteration (a cycle through
  ;; the scratch register) and an f32 accumulator.
  (func (export "floats") (param $n i32) (result f64) (local $a f64) (local $b f64) (local $t f64) (local $f f32)
    (local.set $a (f64.const 1.5)) (local.set $b (f64.const -0.25))
    (loop $l
      (local.set $t (local.get $a))
      (local.set $a (f64.add (local.get $b) (f64.const 1)))
      (local.set $b (f64.mul (local.get $t) (f64.const 0.5)))
      (local.set $f (f32.add (local.get $f) (f32.demote_f64 (local.get $a))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f64.add (f64.add (local.get $a) (local.get $b)) (f64.promote_f32 (local.get $f))))

  ;; A cached index read in place for a load and a store, while the stored value needs more
  ;; registers than are free; and a subtraction, which must not swap its operands.
  (func (export "index-in-place") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (loop $fill
      (i32.store (local.get $i)
        (i32.sub (local.get $i)
          (i32.add (i32.add (i32.add (local.get $n) (local.get $n)) (i32.add (local.get $i) (local.get $n)))
                   (i32.add (i32.add (local.get $i) (local.get $i)) (i32.add (local.get $n) (local.get $i))))))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 400))))
    (local.set $i (i32.const 0))
    (loop $sum
      (local.set $s (i32.sub (i32.load (local.get $i)) (local.get $s)))
      (br_if $sum (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 400))))
    (local.get $s))

  ;; A cached local read in place as an operand while every register is taken: the
  ;; register the operation needs must come from elsewhere than that local's.
  (func (export "pinned") (result i32) (local $x i32) (local $y i32)
    (local.set $y (i32.const 1000))
    (local.set $x (i32.add (local.get $y) (i32.const 7)))
    (i32.add (local.get $y) (i32.const 1)) (i32.add (local.get $y) (i32.const 2))
    (i32.add (local.get $y) (i32.const 3)) (i32.add (local.get $y) (i32.const 4))
    (i32.add (local.get $y) (i32.const 5)) (i32.add (local.get $y) (i32.const 6))
    (i32.add (local.get $y) (i32.const 7)) (i32.add (local.get $y) (i32.const 8))
    (i32.add (local.get $y) (i32.const 9)) (i32.add (local.get $y) (i32.const 10))
    (i32.add (local.get $y) (local.get $x))
    (i32.add) (i32.add) (i32.add) (i32.add) (i32.add)
    (i32.add) (i32.add) (i32.add) (i32.add) (i32.add))

  ;; The same with floats: fifteen XMM registers, fourteen values live, a cached local
  ;; read in place as the second operand.
  (func (export "pinned-f64") (result f64) (local $x f64) (local $y f64)
    (local.set $y (f64.const 1000))
    (local.set $x (f64.add (local.get $y) (f64.const 0.5)))
    (f64.add (local.get $y) (f64.const 1))
    (f64.add (local.get $y) (f64.const 2))
    (f64.add (local.get $y) (f64.const 3))
    (f64.add (local.get $y) (f64.const 4))
    (f64.add (local.get $y) (f64.const 5))
    (f64.add (local.get $y) (f64.const 6))
    (f64.add (local.get $y) (f64.const 7))
    (f64.add (local.get $y) (f64.const 8))
    (f64.add (local.get $y) (f64.const 9))
    (f64.add (local.get $y) (f64.const 10))
    (f64.add (local.get $y) (f64.const 11))
    (f64.add (local.get $y) (f64.const 12))
    (f64.add (local.get $y) (f64.const 13))
    (f64.add (local.get $y) (f64.const 14))
    (f64.add (local.get $y) (local.get $x))
    (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add) (f64.add))

  ;; A local changed in the loop and read after it, and one the loop never reads, whose
  ;; register the header gives up.
  (func (export "after") (param $n i32) (param $keep i32) (result i32) (local $i i32)
    (local.set $keep (i32.mul (local.get $keep) (i32.const 3)))
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (local.get $keep) (local.get $i)))
)

(assert_return (invoke "fib" (i32.const 0)) (i32.const 0))
(assert_return (invoke "fib" (i32.const 1)) (i32.const 1))
(assert_return (invoke "fib" (i32.const 10)) (i32.const 55))
(assert_return (invoke "fib" (i32.const 47)) (i32.const 2971215073))
(assert_return (invoke "fib" (i32.const 100)) (i32.const 3314859971))
(assert_return (invoke "rotate" (i32.const 1)) (i32.const 20300002))
(assert_return (invoke "rotate" (i32.const 2)) (i32.const 300002021))
(assert_return (invoke "rotate" (i32.const 7)) (i32.const 22302004))
(assert_return (invoke "call-in-loop" (i32.const 1000)) (i32.const 499500))
(assert_return (invoke "pressure" (i32.const 1)) (i32.const 132))
(assert_return (invoke "pressure" (i32.const 100)) (i32.const 72600))
(assert_return (invoke "nested" (i32.const 1)) (i64.const 0))
(assert_return (invoke "nested" (i32.const 4)) (i64.const 25769803787))
(assert_return (invoke "nested" (i32.const 100)) (i64.const 21260100202275))
(assert_return (invoke "table" (i32.const 0)) (i32.const 7))
(assert_return (invoke "table" (i32.const 1)) (i32.const 906))
(assert_return (invoke "table" (i32.const 2)) (i32.const 906))
(assert_return (invoke "table" (i32.const 9)) (i32.const 20000))
(assert_return (invoke "floats" (i32.const 1)) (f64.const 2.25))
(assert_return (invoke "floats" (i32.const 3)) (f64.const 6.125))
(assert_return (invoke "index-in-place" (i32.const 5)) (i32.const 4294966696))
(assert_return (invoke "pinned") (i32.const 12062))
(assert_return (invoke "pinned-f64") (f64.const 16105.5))
(assert_return (invoke "after" (i32.const 9) (i32.const 5)) (i32.const 25))
