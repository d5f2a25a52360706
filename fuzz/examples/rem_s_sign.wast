;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; store difference between its compiler and its reference interpreter.
;; Rule at issue: Step_pure/binop-val https://webassembly.github.io/spec/core/exec/instructions.html#exec-binop
;;   irem_s_64(i64:-1, i64:4) = i64:-1
;; reference: []
;; compiler:  []
;; after it, global 0: reference i64:-1, compiler i64:3
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param i64 i64)))
  (global (;0;) (mut i64) i64.const 0)
  (export "f" (func 0))
  (func (;0;) (type 0) (param i64 i64)
    local.get 0
    local.get 1
    i64.rem_s
    global.set 0
  )
  (func (export "lockstep:global0") (result i64) global.get 0)
)
(assert_return (invoke "f" (i64.const -1) (i64.const 4)))
(assert_return (invoke "lockstep:global0") (i64.const -1))
