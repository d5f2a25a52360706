;; Validation after unreachable code (spec 3.4, the stack-polymorphic `bot`): what an
;; unreachable stack may supply, and what it still may not. Written for lockstep.

(module
  (func (result i32) (unreachable))
  (func (result i64 f32) (unreachable))
  (func (unreachable) (drop) (drop))
  (func (result i32) (unreachable) (i32.add))
  (func (result i64) (unreachable) (i64.const 1) (i32.const 1) (select))
  (func (result v128) (unreachable) (select))
  (func (result f32) (return (f32.const 0)) (f32.neg))
  (func (result i32) (block (result f64) (br 0 (f64.const 0)) (i32.add) (drop) (f64.const 1)) (drop) (i32.const 0))
  (func (result i32) (loop (result i32) (br 0) (i32.eqz)))
  ;; br_table from an unreachable stack: labels of one arity, whatever their types.
  (func (result f32)
    (block (result f32)
      (block (result i64) (unreachable) (br_table 0 1 (i32.const 0)))
      (drop) (f32.const 0)))
  (func (result i32) (unreachable) (ref.is_null))
  (func (param i32) (result i32) (local.get 0) (if (result i32) (then (unreachable)) (else (i32.const 1))))
)

;; Known operands are still checked.
(assert_invalid (module (func (result i32) (unreachable) (i64.const 0) (i32.add))) "type mismatch")
(assert_invalid (module (func (unreachable) (i32.const 0) (f32.const 0) (select) (drop))) "type mismatch")
(assert_invalid (module (func (result f32) (unreachable) (i32.const 0))) "type mismatch")
(assert_invalid (module (func (unreachable) (i32.const 0))) "type mismatch")
(assert_invalid (module (func (result i32) (unreachable) (i32.const 0) (ref.is_null))) "type mismatch")
(assert_invalid (module (func (unreachable) (br_table 0 (i64.const 0)))) "type mismatch")
;; An unreachable stack ends with its block.
(assert_invalid (module (func (result i32) (block (unreachable)) (i32.add))) "type mismatch")
(assert_invalid (module (func (unreachable) (block (drop)))) "type mismatch")
(assert_invalid
  (module (func
    (block (result f32)
      (block (result i64 i64) (unreachable) (br_table 0 1 (i32.const 0)))
      (drop) (drop) (f32.const 0)) (drop)))
  "type mismatch")
