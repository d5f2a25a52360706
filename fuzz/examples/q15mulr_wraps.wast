;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; value difference between its compiler and its reference interpreter.
;; Rule at issue: Step_pure/vbinop-val https://webassembly.github.io/spec/core/exec/instructions.html#exec-vbinop
;; reference: [v128:i32x4:0x7fff0000,0x7fff0000,0x7fff0000,0x7fff0000]
;; compiler:  [v128:i32x4:0x80000000,0x80000000,0x80000000,0x80000000]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param v128 v128) (result v128)))
  (export "f" (func 0))
  (func (;0;) (type 0) (param v128 v128) (result v128)
    local.get 0
    local.get 1
    i16x8.q15mulr_sat_s
  )
)
(assert_return (invoke "f" (v128.const i32x4 0x80008000 0x80008000 0x80008000 0x80008000) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)) (v128.const i32x4 0x7fff0000 0x7fff0000 0x7fff0000 0x7fff0000))
