;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; value difference between its compiler and its reference interpreter.
;; Rule at issue: Step_pure/binop-val https://webassembly.github.io/spec/core/exec/instructions.html#exec-binop
;;   ishr_u_64(i64:-1, i64:-1) = i64:1
;; reference: [i64:1]
;; compiler:  [i64:8589934591]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param i64 i64) (result i64)))
  (export "f" (func 0))
  (func (;0;) (type 0) (param i64 i64) (result i64)
    local.get 0
    local.get 1
    i64.shr_u
  )
)
(assert_return (invoke "f" (i64.const -1) (i64.const -1)) (i64.const 1))
