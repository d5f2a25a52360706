;; Calls through a table: a loop of call_indirect to 16 small functions of one type, the
;; index a short cycle of the counter (so the indirect branch is predictable and the cost
;; measured is the call's), and a direct call to a helper in between.
(module
  (type $op (func (param i32 i32) (result i32)))
  (table 16 funcref)
  (elem (i32.const 0) $f0 $f1 $f2 $f3 $f4 $f5 $f6 $f7 $f8 $f9 $f10 $f11 $f12 $f13 $f14 $f15)
  (func $f0 (type $op) (i32.add (local.get 0) (local.get 1)))
  (func $f1 (type $op) (i32.sub (local.get 0) (local.get 1)))
  (func $f2 (type $op) (i32.xor (local.get 0) (local.get 1)))
  (func $f3 (type $op) (i32.mul (local.get 0) (i32.or (local.get 1) (i32.const 1))))
  (func $f4 (type $op) (i32.rotl (local.get 0) (local.get 1)))
  (func $f5 (type $op) (i32.rotr (local.get 0) (local.get 1)))
  (func $f6 (type $op) (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 3))))
  (func $f7 (type $op) (i32.xor (local.get 0) (i32.shr_u (local.get 1) (i32.const 5))))
  (func $f8 (type $op) (i32.sub (local.get 0) (i32.popcnt (local.get 1))))
  (func $f9 (type $op) (i32.add (local.get 0) (i32.clz (local.get 1))))
  (func $f10 (type $op) (i32.or (i32.and (local.get 0) (local.get 1)) (i32.const 0x10)))
  (func $f11 (type $op) (i32.add (i32.mul (local.get 0) (i32.const 31)) (local.get 1)))
  (func $f12 (type $op) (select (local.get 0) (local.get 1) (i32.lt_u (local.get 0) (local.get 1))))
  (func $f13 (type $op) (i32.xor (local.get 0) (i32.mul (local.get 1) (i32.const 0x9e3779b9))))
  (func $f14 (type $op) (i32.sub (i32.shl (local.get 0) (i32.const 1)) (local.get 1)))
  (func $f15 (type $op) (i32.add (local.get 0) (i32.ctz (i32.or (local.get 1) (i32.const 0x80000000)))))
  (func $next (param $x i32) (result i32)
    (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
  (func (export "indirect") (param $n i32) (result i32)
    (local $i i32) (local $acc i32) (local $x i32)
    (local.set $x (i32.const 1))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (call $next (local.get $x)))
        (local.set $acc
          (call_indirect (type $op) (local.get $acc) (local.get $x)
            (i32.and (i32.xor (local.get $i) (i32.shr_u (local.get $i) (i32.const 4))) (i32.const 15))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $acc)))
