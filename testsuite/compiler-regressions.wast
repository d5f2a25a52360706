;; Cases the compiler once got wrong, each run by `cargo test` under every engine.
;; Written for lockstep.

;; Block parameters that are constants must be in their slots where paths meet: the else
;; arm of an `if`, and the header of a loop that a branch re-enters.
(module
  (func (export "if-const-params") (param i32) (result i32)
    (i32.const 1) (i32.const 2)
    (if (param i32 i32) (result i32) (local.get 0)
      (then (i32.add))
      (else (i32.sub))))
  (func (export "loop-const-param") (param i32) (result i32)
    (i32.const 0)
    (loop (param i32) (result i32)
      (i32.const 1) (i32.add)
      (local.get 0) (i32.const 1) (i32.sub) (local.tee 0)
      (br_if 0 (i32.ne (i32.const 0)))))
)
(assert_return (invoke "if-const-params" (i32.const 1)) (i32.const 3))
(assert_return (invoke "if-const-params" (i32.const 0)) (i32.const -1))
(assert_return (invoke "loop-const-param" (i32.const 5)) (i32.const 5))

;; A conditional return of a parameter read lazily: the path that does not return must
;; still read the parameter, not a slot that was never written.
(module
  (func (export "br_if-param") (param i32 i32) (result i32)
    (local.get 0)
    (br_if 0 (local.get 1))
    (i32.const 2) (i32.add))
  (func (export "br_table-param") (param i32 i32) (result i32)
    (block (result i32)
      (local.get 0)
      (br_table 1 0 (local.get 1)))
    (drop)
    (i32.const 9))
)
(assert_return (invoke "br_if-param" (i32.const 5) (i32.const 1)) (i32.const 5))
(assert_return (invoke "br_if-param" (i32.const 5) (i32.const 0)) (i32.const 7))
(assert_return (invoke "br_table-param" (i32.const 4) (i32.const 0)) (i32.const 4))
(assert_return (invoke "br_table-param" (i32.const 4) (i32.const 1)) (i32.const 9))

;; The deepest operand slot must not share its word with the area of an outgoing call.
(module
  (func $id (param i32) (result i32) (local.get 0))
  (global i32 (i32.const 6))
  (func $nop)
  (func (export "deep-then-call") (result i32)
    (global.get 0) (call $nop) (call $nop))
  (func (export "many-then-call") (param i32) (result i32)
    (local.get 0) (local.get 0) (local.get 0) (local.get 0)
    (call $id (local.get 0))
    (i32.add) (i32.add) (i32.add) (i32.add))
)
(assert_return (invoke "deep-then-call") (i32.const 6))
(assert_return (invoke "many-then-call" (i32.const 3)) (i32.const 15))

;; Registers freed by spills while a call's arguments move must stay free: a register
;; marked held by nothing once ran the pool dry (found by the differential fuzzer).
(module
  (type $t (func (result i32 i32 i32)))
  (table 0 funcref)
  (func $f (type $t) (i32.const 1) (i32.const 2) (i32.const 0))
  (func (export "calls") (result i32)
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f call_indirect (type $t) drop drop drop
    call $f i32.rem_s unreachable)
)
(assert_trap (invoke "calls") "undefined element")

;; A divisor computed into rax or rdx moves out before the dividend moves in.
(module
  (func (export "div") (result i32) (i32.div_s (i32.const 7) (i32.eqz (i32.const 0))))
  (func (export "rem") (param i64) (result i64)
    (i64.rem_u (i64.const 100) (i64.add (local.get 0) (i64.const 1))))
)
(assert_return (invoke "div") (i32.const 7))
(assert_return (invoke "rem" (i64.const 6)) (i64.const 2))
