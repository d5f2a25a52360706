;; Validation of modules (spec 3.5): limits, constant expressions, segments, start, exports.
;; Written for lockstep.

;; Limits.
(module (memory 0 65536) (table 0 0xffff_ffff funcref))
(assert_invalid (module (memory 65537)) "memory size must be at most 65536 pages (4GiB)")
(assert_invalid (module (memory 2 1)) "size minimum must not be greater than maximum")
(assert_invalid (module (memory 0 65537)) "memory size must be at most 65536 pages (4GiB)")
(assert_invalid (module (import "" "" (memory 0x10000 0x10001))) "memory size must be at most 65536 pages (4GiB)")
(assert_invalid (module (table 2 1 funcref)) "size minimum must not be greater than maximum")
(assert_invalid (module (import "" "" (table 10 9 externref))) "size minimum must not be greater than maximum")

;; Imports.
(assert_invalid (module (import "" "" (func (type 2)))) "unknown type")

;; Globals: constant initialisers of the global's type.
(module
  (global $g (import "spectest" "global_i64") i64)
  (global i64 (global.get $g))
  (global funcref (ref.func $f))
  (global externref (ref.null extern))
  (global v128 (v128.const f32x4 1 2 3 4))
  (func $f))
(assert_invalid (module (global i32 (nop))) "constant expression required")
(assert_invalid (module (global i32 (i32.const 1) (drop) (i32.const 2))) "constant expression required")
(assert_invalid (module (global i32 (i32.eqz (i32.const 1)))) "constant expression required")
(assert_invalid (module (global i64 (block (result i64) (i64.const 0)))) "constant expression required")
(assert_invalid (module (global f32 (local.get 0))) "constant expression required")
(assert_invalid
  (module (global $g (import "" "g") (mut f32)) (global f32 (global.get $g)))
  "constant expression required")
(assert_invalid (module (global i32 (global.get 3))) "unknown global")
(assert_invalid (module (global i32 (i64.const 0))) "type mismatch")
(assert_invalid (module (global i32)) "type mismatch")
(assert_invalid (module (global f64 (f64.const 0) (f64.const 1))) "type mismatch")
(assert_invalid (module (global funcref (ref.null extern))) "type mismatch")
(assert_invalid (module (global funcref (ref.func 2))) "unknown function")

;; Element segments.
(module
  (global $o (import "spectest" "global_i32") i32)
  (table $t 1000 funcref)
  (elem (table $t) (global.get $o) func $f)
  (elem funcref (ref.null func) (ref.func $f))
  (elem declare func $f)
  (func $f))
(assert_invalid (module (elem (i32.const 0) func 0) (func)) "unknown table")
(assert_invalid (module (table 1 funcref) (elem (i32.const 0) func 1) (func)) "unknown function")
(assert_invalid (module (table 1 funcref) (elem (i64.const 0))) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem (offset (i32.const 0) (i32.const 0)))) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem (i32.popcnt (i32.const 0)))) "constant expression required")
(assert_invalid (module (table 1 externref) (elem (i32.const 0) funcref)) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem funcref (ref.null extern))) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem funcref (item (i32.const 0)))) "type mismatch")
(assert_invalid
  (module (table 1 funcref) (elem funcref (item (call 0))) (func (result funcref) (ref.null func)))
  "constant expression required")

;; Data segments.
(module (global (import "spectest" "global_i32") i32) (memory 1) (data (global.get 0) "a") (data "b"))
(assert_invalid (module (data (i32.const 0) "a")) "unknown memory")
(assert_invalid (module (memory 1) (data (f32.const 0) "a")) "type mismatch")
(assert_invalid (module (memory 1) (data (i32.ctz (i32.const 0)) "a")) "constant expression required")

;; Start function.
(module (func $s) (start $s))
(assert_invalid (module (start 0)) "unknown function")
(assert_invalid (module (func $s (result i32) (i32.const 0)) (start $s)) "start function")
(assert_invalid (module (func $s (param f64)) (start $s)) "start function")

;; Exports.
(module (func (export "a")) (global (export "b") i32 (i32.const 0)) (memory (export "c") 1) (table (export "d") 1 funcref))
(assert_invalid (module (func (export "a")) (memory (export "a") 1)) "duplicate export name")
(assert_invalid (module (export "f" (func 0))) "unknown function")
(assert_invalid (module (export "t" (table 0))) "unknown table")
(assert_invalid (module (export "m" (memory 0))) "unknown memory")
(assert_invalid (module (export "g" (global 0))) "unknown global")
