;; Tail calls (Wasm 3.0): the caller's frame is replaced, not grown, so that a chain of a
;; million tail calls returns; through return_call, return_call_indirect and
;; return_call_ref, out of nested blocks, to host functions, and their traps.

(module
  (type $l (func (param i64) (result i32)))
  (import "spectest" "print_i32" (func $print (param i32)))
  (table $t 2 funcref)
  (elem (table $t) (i32.const 0) func $even-i $odd-i)

  (func $even (export "even") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0))
      (then (i32.const 1))
      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
  (func $odd (export "odd") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0))
      (then (i32.const 0))
      (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))

  (func $even-i (export "even-indirect") (param i64) (result i32)
    (block $done
      (loop
        (br_if $done (i64.eqz (local.get 0)))
        (return_call_indirect $t (type $l) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1))))
    (i32.const 1))
  (func $odd-i (param i64) (result i32)
    (block $done
      (br_if $done (i64.eqz (local.get 0)))
      (return_call_indirect $t (type $l) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))
    (i32.const 0))

  (elem declare func $down)
  (func $down (export "down") (param i64) (result i32)
    (if (i64.eqz (local.get 0)) (then (return (i32.const 42))))
    (return_call_ref $l (i64.sub (local.get 0) (i64.const 1)) (ref.func $down)))

  (func (export "to-host") (return_call $print (i32.const 7)))
  (func (export "undefined") (result i32) (return_call_indirect $t (type $l) (i64.const 0) (i32.const 2)))
  (func (export "mismatch") (result i32) (return_call_indirect $t (result i32) (i32.const 0)))
)

(assert_return (invoke "even" (i64.const 1000000)) (i32.const 1))
(assert_return (invoke "odd" (i64.const 1000001)) (i32.const 1))
(assert_return (invoke "even-indirect" (i64.const 1000000)) (i32.const 1))
(assert_return (invoke "even-indirect" (i64.const 999999)) (i32.const 0))
(assert_return (invoke "down" (i64.const 1000000)) (i32.const 42))
(assert_return (invoke "to-host"))
(assert_trap (invoke "undefined") "undefined element")
(assert_trap (invoke "mismatch") "indirect call type mismatch")

(module
  (type $v (func (result i32)))
  (table 1 funcref)
  (func (export "uninitialized") (result i32) (return_call_indirect (type $v) (i32.const 0)))
)
(assert_trap (invoke "uninitialized") "uninitialized element")
