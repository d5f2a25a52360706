;; Typed function references (Wasm 3.0): call_ref, ref.as_non_null, br_on_null,
;; br_on_non_null; non-nullable locals, globals and tables of typed references with their
;; initialisers; linking by the equivalence of defined types, not by their indices.

(module
  (type $ii (func (param i32) (result i32)))
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))
  (elem declare func $inc $dbl)
  (table $t 4 (ref $ii) (ref.func $inc))
  (global $null (mut (ref null $ii)) (ref.null $ii))
  (global $h (ref $ii) (ref.func $dbl))

  (func (export "apply") (param i32 i32) (result i32)
    (call_ref $ii (local.get 1) (table.get $t (local.get 0))))
  (func (export "set") (param i32) (table.set $t (local.get 0) (global.get $h)))
  (func (export "grow") (result i32) (table.grow $t (ref.func $dbl) (i32.const 2)))
  (func (export "call-null") (result i32) (call_ref $ii (i32.const 0) (global.get $null)))
  (func (export "tail-null") (result i32) (return_call_ref $ii (i32.const 0) (global.get $null)))
  (func (export "as-non-null") (result i32) (drop (ref.as_non_null (global.get $null))) (i32.const 0))
  (func (export "non-null-local") (param i32) (result i32)
    (local $f (ref $ii))
    (local.set $f (global.get $h))
    (call_ref $ii (local.get 0) (local.get $f)))
  (func (export "is-null") (result i32)
    (block $null
      (br_on_null $null (global.get $null))
      (drop)
      (return (i32.const 0)))
    (i32.const 1))
  (func (export "non-null-apply") (param i32) (result i32)
    (call_ref $ii
      (local.get 0)
      (block $some (result (ref $ii))
        (br_on_non_null $some (global.get $h))
        (return (i32.const -1)))))
  (func (export "set-global") (global.set $null (ref.func $inc)))
  (func (export "call-global") (param i32) (result i32)
    (call_ref $ii (local.get 0) (ref.as_non_null (global.get $null))))
)

(assert_return (invoke "apply" (i32.const 0) (i32.const 5)) (i32.const 6))
(invoke "set" (i32.const 1))
(assert_return (invoke "apply" (i32.const 1) (i32.const 5)) (i32.const 10))
(assert_return (invoke "apply" (i32.const 3) (i32.const 5)) (i32.const 6))
(assert_trap (invoke "apply" (i32.const 4) (i32.const 5)) "out of bounds table access")
(assert_return (invoke "grow") (i32.const 4))
(assert_return (invoke "apply" (i32.const 5) (i32.const 5)) (i32.const 10))
(assert_trap (invoke "call-null") "null function reference")
(assert_trap (invoke "tail-null") "null function reference")
(assert_trap (invoke "as-non-null") "null reference")
(assert_return (invoke "non-null-local" (i32.const 3)) (i32.const 6))
(assert_return (invoke "is-null") (i32.const 1))
(assert_return (invoke "non-null-apply" (i32.const 4)) (i32.const 8))
(assert_trap (invoke "call-global" (i32.const 4)) "null reference")
(invoke "set-global")
(assert_return (invoke "call-global" (i32.const 4)) (i32.const 5))

;; Linking: a function of a type that refers to another type matches an import of an
;; equivalent type, whatever the indices of either in its module.
(module $A
  (type $ii (func (param i32) (result i32)))
  (type $h (func (param (ref $ii)) (result i32)))
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func (export "f") (type $h) (call_ref $ii (i32.const 1) (local.get 0)))
  (global (export "g") (ref $ii) (ref.func $inc))
  (table (export "t") 1 funcref (ref.func $inc))
)
(register "A" $A)

(module
  (type $pad (func (param f64)))
  (type $ii2 (func (param i32) (result i32)))
  (type $h2 (func (param (ref $ii2)) (result i32)))
  (import "A" "f" (func $f (type $h2)))
  (import "A" "g" (global $g (ref null $ii2)))
  (import "A" "t" (table $t 1 funcref))
  (func $dbl (type $ii2) (i32.mul (local.get 0) (i32.const 2)))
  (elem declare func $dbl)
  (func (export "run") (result i32) (call $f (ref.func $dbl)))
  (func (export "via-global") (result i32) (call_ref $ii2 (i32.const 7) (ref.as_non_null (global.get $g))))
  (func (export "via-table") (result i32) (call_indirect $t (type $ii2) (i32.const 7) (i32.const 0)))
)
(assert_return (invoke "run") (i32.const 2))
(assert_return (invoke "via-global") (i32.const 8))
(assert_return (invoke "via-table") (i32.const 8))

(assert_unlinkable
  (module
    (type $li (func (param i64) (result i32)))
    (type $h3 (func (param (ref $li)) (result i32)))
    (import "A" "f" (func (type $h3))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $ii (func (param i32) (result i32)))
    (type $h3 (func (param (ref null $ii)) (result i32)))
    (import "A" "f" (func (type $h3))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $li (func (param i64) (result i32)))
    (import "A" "g" (global (ref $li))))
  "incompatible import type")
(assert_unlinkable
  (module (import "A" "t" (table 1 (ref func))))
  "incompatible import type")
(module (import "A" "g" (global (ref func))))
(module (import "A" "g" (global funcref)))
