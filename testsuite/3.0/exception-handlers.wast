;; Leaving a try_table's handler other than by its end or by a throw: a branch past it
;; (Step_pure/br-handler), a return from inside it (Step_pure/return-handler), a trap inside
;; it, which the handler lets through; and throw_ref of a null (Step_read/throw_ref-null).
(module
  (tag $e (param i32))
  (func (export "br-out") (param $x i32) (result i32)
    (block $out (result i32)
      (try_table (result i32) (catch $e $out)
        (drop (br_if $out (i32.const 7) (local.get $x)))
        (i32.const 8))))
  (func (export "return-out") (param $x i32) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e $h)
        (if (local.get $x) (then (return (i32.const 1))))
        (throw $e (i32.const 2)))))
  (func (export "trap-inside") (result i32)
    (block $h
      (try_table (catch_all $h) (drop (i32.div_u (i32.const 1) (i32.const 0)))))
    (i32.const -1))
  (func (export "throw_ref-null")
    (throw_ref (ref.null exn)))
)
(assert_return (invoke "br-out" (i32.const 1)) (i32.const 7))
(assert_return (invoke "br-out" (i32.const 0)) (i32.const 8))
(assert_return (invoke "return-out" (i32.const 1)) (i32.const 1))
(assert_return (invoke "return-out" (i32.const 0)) (i32.const 2))
(assert_trap (invoke "trap-inside") "integer divide by zero")
(assert_trap (invoke "throw_ref-null") "null exception reference")
