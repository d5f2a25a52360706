;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; trap difference between its compiler and its reference interpreter.
;; Rule at issue: Step_read/load-num-val https://webassembly.github.io/spec/core/exec/instructions.html#exec-load-val
;; reference: [i32:0]
;; compiler:  trap "out of bounds memory access" [Step_read/load-num-oob]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param i32) (result i32)))
  (memory (;0;) 1 2)
  (memory (;1;) 3 9)
  (export "f" (func 0))
  (func (;0;) (type 0) (param i32) (result i32)
    local.get 0
    i32.load 1 offset=121291
  )
)
(assert_return (invoke "f" (i32.const 0)) (i32.const 0))
