;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; value difference between its compiler and its reference interpreter.
;; Rule at issue: Step_pure/br_table-ge https://webassembly.github.io/spec/core/exec/instructions.html#exec-br-table
;; reference: [i32:0]
;; compiler:  [i32:1]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param i32) (result i32)))
  (export "f" (func 0))
  (func (;0;) (type 0) (param i32) (result i32)
    block ;; label = @1
      block ;; label = @2
        local.get 0
        br_table 1 (;@1;) 0 (;@2;)
      end
      i32.const 0
      return
    end
    i32.const 1
  )
)
(assert_return (invoke "f" (i32.const 1)) (i32.const 0))
