;; Constant expressions (Wasm 3.0): global.get of any earlier global, the extended constants
;; i32/i64 add, sub and mul, in the initial values of globals and tables, the elements of
;; segments and their offsets.

(module
  (global $a i32 (i32.const 7))
  (global $b i32 (i32.add (global.get $a) (i32.mul (i32.const 3) (i32.const 5))))
  (global $c i64 (i64.sub (i64.const 0) (i64.const 1)))
  (global $d (export "d") i32 (i32.sub (global.get $b) (global.get $a)))
  (global $e (export "e") i64 (i64.mul (global.get $c) (i64.const 0x1_0000_0000)))
  (table $t 2 funcref)
  (table $u 3 funcref (ref.func $f))
  (elem (table $t) (i32.sub (global.get $a) (i32.const 6)) func $f)
  (memory 1)
  (data (i32.mul (global.get $a) (i32.const 2)) "x")
  (func $f (result i32) (i32.const 42))
  (func (export "b") (result i32) (global.get $b))
  (func (export "t1") (result i32) (call_indirect $t (result i32) (i32.const 1)))
  (func (export "u2") (result i32) (call_indirect $u (result i32) (i32.const 2)))
  (func (export "byte") (result i32) (i32.load8_u (i32.const 14)))
)
(assert_return (invoke "b") (i32.const 22))
(assert_return (get "d") (i32.const 15))
(assert_return (get "e") (i64.const -4294967296))
(assert_return (invoke "t1") (i32.const 42))
(assert_return (invoke "u2") (i32.const 42))
(assert_return (invoke "byte") (i32.const 120))
(assert_trap
  (module
    (global $n i32 (i32.sub (i32.const 0) (i32.const 1)))
    (memory 1)
    (data (global.get $n) "x"))
  "out of bounds memory access")
