;; The script commands of Wasm 3.0's suite: a module definition is validated, not
;; instantiated; `module instance` instantiates a named definition, or the last one.

(module definition $M
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "inc") (global.set $g (i32.add (global.get $g) (i32.const 1)))))
(module instance $I1 $M)
(module instance $I2 $M)
(invoke $I1 "inc")
(invoke $I1 "inc")
(assert_return (get $I1 "g") (i32.const 2))
(assert_return (get $I2 "g") (i32.const 0))

(module definition (memory 65536))
(module definition (func (export "h") (result i32) (i32.const 9)))
(module instance)
(assert_return (invoke "h") (i32.const 9))
(module instance $I3)
(assert_return (invoke $I3 "h") (i32.const 9))
