;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; value difference between its compiler and its reference interpreter.
;; Rule at issue: Step_pure/vshuffle https://webassembly.github.io/spec/core/exec/instructions.html#exec-vshuffle
;; reference: [v128:i32x4:0xf6001e00,0x140080ff,0xfff60080,0xc0148014]
;; compiler:  [v128:i32x4:0x00140000,0x00008000,0x00000080,0x00008000]
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param v128 v128) (result v128)))
  (export "f" (func 0))
  (func (;0;) (type 0) (param v128 v128) (result v128)
    local.get 0
    local.get 1
    i8x16.shuffle 6 22 29 19 23 15 0 18 13 0 19 23 18 9 18 16
  )
)
(assert_return (invoke "f" (v128.const i32x4 0x80008000 0x80008000 0x80008000 0x80008000) (v128.const i32x4 0xf6142cc0 0xff1ed2c7 0x00000000 0x00000000)) (v128.const i32x4 0xf6001e00 0x140080ff 0xfff60080 0xc0148014))
