;; Call-heavy: a loop of direct and indirect calls to small functions.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $add $xor)
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $xor (type $binop) (i32.xor (local.get 0) (local.get 1)))
  (func $mix (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $binop) (call $add (local.get $a) (local.get $b)) (local.get $b)
      (i32.and (local.get $b) (i32.const 1))))
  (func (export "calls") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (call $mix (local.get $acc) (local.get $i)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc)))
