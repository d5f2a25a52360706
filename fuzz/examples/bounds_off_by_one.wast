;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; trap difference between its compiler and its reference interpreter.
;; Rule at issue: Step_read/load-pack-val https://webassembly.github.io/spec/core/exec/instructions.html#exec-load-val
;; reference: [i64:0]
;; compiler:  trap "out of bounds memory access" [Step_read/load-pack-oob]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param i32) (result i64)))
  (memory (;0;) 2)
  (export "f" (func 0))
  (func (;0;) (type 0) (param i32) (result i64)
    local.get 0
    i64.load8_s
  )
)
(assert_return (invoke "f" (i32.const 131071)) (i64.const 0))
