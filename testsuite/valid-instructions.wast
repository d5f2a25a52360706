;; Validation of instructions (spec 3.4): one case per message and rule family, checked
;; alike under Wasm 2.0 and 3.0. Written for lockstep.

;; Operand types.
(assert_invalid (module (func (result i32) (i32.add (i64.const 1) (i32.const 2)))) "type mismatch")
(assert_invalid (module (func (result i32) (i32.const 1) (i32.add))) "type mismatch")
(assert_invalid (module (func (result f32) (f32.neg (f64.const 1)))) "type mismatch")
(assert_invalid (module (func (result i32) (i64.eqz (i32.const 0)))) "type mismatch")
(assert_invalid (module (func (result i32) (f64.lt (f64.const 0) (f32.const 0)))) "type mismatch")
(assert_invalid (module (func (result i64) (i64.extend_i32_u (i64.const 0)))) "type mismatch")
(assert_invalid (module (func (result i64) (i32.const 0))) "type mismatch")
(assert_invalid (module (func (i32.const 0))) "type mismatch")
(assert_invalid (module (func (drop))) "type mismatch")

;; select: untyped on numbers and vectors only, typed with exactly one type.
(assert_invalid
  (module (func (param funcref) (drop (select (local.get 0) (local.get 0) (i32.const 1)))))
  "type mismatch")
(assert_invalid
  (module (func (drop (select (i32.const 0) (i64.const 0) (i32.const 1)))))
  "type mismatch")
(assert_invalid
  (module (func (drop (select (result i32 i32) (i32.const 0) (i32.const 0) (i32.const 1)))))
  "invalid result arity")
(module (func (param funcref) (result funcref)
  (select (result funcref) (local.get 0) (local.get 0) (i32.const 1))))

;; Blocks: results, parameters, and operands out of a block's reach.
(assert_invalid (module (func (block (result i32)))) "type mismatch")
(assert_invalid (module (func (result i32) (loop (result i32) (i32.const 0) (i32.const 0)))) "type mismatch")
(assert_invalid (module (func (i32.const 0) (block (drop)))) "type mismatch")
(assert_invalid (module (func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1))))) "type mismatch")
(assert_invalid (module (func (if (then)))) "type mismatch")
(assert_invalid (module (func (block (type 3)))) "unknown type")
(module
  (type $pair (func (param i32 i64) (result i64 i32)))
  (func (result i64 i32)
    (i32.const 1) (i64.const 2)
    (block (type $pair) (param i32 i64) (result i64 i32)
      (drop) (drop) (i64.const 1) (i32.const 2))))

;; Branches.
(assert_invalid (module (func (br 1))) "unknown label")
(assert_invalid (module (func (block (br_if 2 (i32.const 0))))) "unknown label")
(assert_invalid (module (func (block (br_table 0 3 (i32.const 0))))) "unknown label")
(assert_invalid (module (func (result i32) (block (result i32) (br 0)))) "type mismatch")
(assert_invalid (module (func (block (result i32) (i32.const 0) (br_if 0)) (drop))) "type mismatch")
(assert_invalid
  (module (func (block (result i32) (br_table 0 1 (i32.const 0) (i32.const 0))) (drop)))
  "type mismatch")
(assert_invalid (module (func (result i32) (return (i64.const 0)))) "type mismatch")

;; Calls.
(assert_invalid (module (func (call 1))) "unknown function")
(assert_invalid (module (func (param i32)) (func (call 0))) "type mismatch")
(assert_invalid (module (func (call_indirect (i32.const 0)))) "unknown table")
(assert_invalid
  (module (table 1 funcref) (func (call_indirect (type 4) (i32.const 0))))
  "unknown type")
(assert_invalid
  (module (table 1 externref) (func (call_indirect (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (table 1 funcref) (func (call_indirect (param i32) (i32.const 0))))
  "type mismatch")

;; Variables.
(assert_invalid (module (func (param i32) (drop (local.get 1)))) "unknown local")
(assert_invalid (module (func (local i32) (local.set 0 (f32.const 0)))) "type mismatch")
(assert_invalid (module (func (local i64) (drop (local.tee 0 (i32.const 0))))) "type mismatch")
(assert_invalid (module (func (drop (global.get 0)))) "unknown global")
(assert_invalid (module (global (mut i32) (i32.const 0)) (func (global.set 0 (i64.const 0)))) "type mismatch")

;; Tables.
(assert_invalid (module (func (drop (table.get 0 (i32.const 0))))) "unknown table")
(assert_invalid (module (table 1 externref) (func (table.set 0 (i32.const 0) (ref.null func)))) "type mismatch")
(assert_invalid (module (table 1 funcref) (func (drop (table.grow 0 (ref.null extern) (i32.const 1))))) "type mismatch")
(assert_invalid
  (module (table 1 funcref) (func (table.fill 0 (i32.const 0) (ref.null func) (i64.const 1))))
  "type mismatch")
(assert_invalid
  (module (table $f 1 funcref) (table $e 1 externref)
    (func (table.copy $f $e (i32.const 0) (i32.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (table 1 funcref) (elem externref)
    (func (table.init 0 0 (i32.const 0) (i32.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (table 1 funcref) (func (table.init 0 2 (i32.const 0) (i32.const 0) (i32.const 0))))
  "unknown elem segment")
(assert_invalid (module (func (elem.drop 0))) "unknown elem segment")

;; Memories.
(assert_invalid (module (func (drop (i32.load (i32.const 0))))) "unknown memory")
(assert_invalid (module (func (drop (memory.size)))) "unknown memory")
(assert_invalid (module (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 0)))) "unknown memory")
(assert_invalid (module (memory 1) (func (drop (i64.load align=16 (i32.const 0))))) "alignment must not be larger than natural")
(assert_invalid (module (memory 1) (func (drop (i32.load16_u align=4 (i32.const 0))))) "alignment must not be larger than natural")
(assert_invalid (module (memory 1) (func (i64.store32 align=8 (i32.const 0) (i64.const 0)))) "alignment must not be larger than natural")
(assert_invalid (module (memory 1) (func (drop (v128.load64_splat align=16 (i32.const 0))))) "alignment must not be larger than natural")
(assert_invalid (module (memory 1) (func (drop (i32.load (i64.const 0))))) "type mismatch")
(assert_invalid (module (memory 1) (func (f32.store (i32.const 0) (i32.const 0)))) "type mismatch")
(assert_invalid
  (module (memory 1) (func (memory.init 1 (i32.const 0) (i32.const 0) (i32.const 0))) (data "x"))
  "unknown data segment")
(assert_invalid (module (memory 1) (func (data.drop 0))) "unknown data segment")
(module (memory 1) (func (drop (i64.load8_s align=1 (i32.const 0)))) (func (v128.store align=16 (i32.const 0) (v128.const i64x2 0 0))))

;; References.
(assert_invalid (module (func (result i32) (ref.is_null (i32.const 0)))) "type mismatch")
(assert_invalid (module (func (result externref) (ref.null func))) "type mismatch")
(assert_invalid (module (func (result funcref) (ref.func 0))) "undeclared function reference")
(assert_invalid (module (func (result funcref) (ref.func 5))) "unknown function")
(module (elem declare func 0) (func (result funcref) (ref.func 0)))
(module (func (export "f") (result funcref) (ref.func 0)))
(module (global funcref (ref.func 0)) (func (result funcref) (ref.func 0)))

;; Vectors: lane indices and operand types.
(assert_invalid (module (func (result i32) (i8x16.extract_lane_s 16 (v128.const i64x2 0 0)))) "invalid lane index")
(assert_invalid (module (func (result f64) (f64x2.extract_lane 2 (v128.const i64x2 0 0)))) "invalid lane index")
(assert_invalid
  (module (func (result v128) (i32x4.replace_lane 4 (v128.const i64x2 0 0) (i32.const 0))))
  "invalid lane index")
(assert_invalid
  (module (func (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 32 (v128.const i64x2 0 0) (v128.const i64x2 0 0))))
  "invalid lane index")
(assert_invalid
  (module (memory 1) (func (result v128) (v128.load16_lane 8 (i32.const 0) (v128.const i64x2 0 0))))
  "invalid lane index")
(assert_invalid
  (module (memory 1) (func (v128.store64_lane 2 (i32.const 0) (v128.const i64x2 0 0))))
  "invalid lane index")
(assert_invalid (module (func (result v128) (i32x4.add (v128.const i64x2 0 0) (i32.const 0)))) "type mismatch")
(assert_invalid (module (func (result v128) (i64x2.shl (v128.const i64x2 0 0) (i64.const 1)))) "type mismatch")
(assert_invalid (module (func (result v128) (f32x4.splat (f64.const 1)))) "type mismatch")
(module (func (result v128)
  (i8x16.shuffle 31 30 29 28 27 26 25 24 23 22 21 20 19 18 17 16
    (v128.const i64x2 0 0) (i8x16.replace_lane 15 (v128.const i64x2 0 0) (i32.const 1)))))
