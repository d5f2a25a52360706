;; Written by lockstep (the WebAssembly 3.0 specification made executable) for a
;; trap difference between its compiler and its reference interpreter.
;; Rule at issue: Step_pure/binop-val https://webassembly.github.io/spec/core/exec/instructions.html#exec-binop
;;   fmin_32(f32:-nan:0x7ffbff, f32:0.0) = f32:-nan:0x7ffbff (a NaN of the set the spec allows; this one is x86's)
;; reference: trap "invalid conversion to integer" [Step_pure/cvtop-trap]
;; compiler:  []
;; A correct engine passes every assertion.
(module
  (type (;0;) (func (param f32 f32)))
  (export "f" (func 0))
  (func (;0;) (type 0) (param f32 f32)
    local.get 0
    local.get 1
    f32.min
    i32.trunc_f32_s
    drop
  )
)
(assert_trap (invoke "f" (f32.const -nan:0x7ffbff) (f32.const 0.0)) "invalid conversion to integer")
