;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; trap difference between its compiler and its reference interpreter.
;; Rule at issue: Step_read/ref.cast-fail https://webassembly.github.io/spec/core/exec/instructions.html#exec-ref-cast
;; reference: trap "indirect call type mismatch" [Step_read/ref.cast-fail]
;; compiler:  trap "unreachable" [Step_pure/unreachable]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (result i32)))
  (type (;1;) (func (param i64) (result i32)))
  (table (;0;) 1 funcref)
  (export "f" (func 1))
  (elem (;0;) (i32.const 0) func 0)
  (func (;0;) (type 1) (param i64) (result i32)
    unreachable
  )
  (func (;1;) (type 0) (result i32)
    i32.const 0
    call_indirect (type 0)
  )
)
(assert_trap (invoke "f") "indirect call type mismatch")
